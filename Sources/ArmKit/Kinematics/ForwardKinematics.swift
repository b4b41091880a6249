import AutoDiff

/// Forward kinematics, written once and generic over the scalar: `Double` for positions, `DualVector` for
/// forward-mode Jacobians, `Tracked` for reverse mode, `Dual<DualVector>` for the kinematic Hessian.
extension PlanarArm {
    /// The tip pose for joint angles supplied by `angle(i)` (how each scalar type lifts q[i]).
    /// φ is the sum of the relative angles, unwrapped (so it stays differentiable).
    @inlinable
    public func tipPose<T: ADReal>(angle: (Int) -> T) -> (x: T, y: T, phi: T) {
        links.withUnsafeBufferPointer { lengths in
            var theta = T(0)
            var x = T(base.x)
            var y = T(base.y)
            for i in 0..<lengths.count {
                theta = theta + angle(i)
                let (s, c) = T.sincos(theta)
                x = x.addingProduct(lengths[i], c)
                y = y.addingProduct(lengths[i], s)
            }
            return (x, y, theta)
        }
    }

    /// The tip pose at q, φ wrapped to (−π, π].
    @inlinable
    public func tip(_ q: [Double]) -> Pose2D {
        precondition(q.count == jointCount, "q must have one angle per joint")
        let p = q.withUnsafeBufferPointer { q in tipPose { q[$0] } }
        return Pose2D(x: p.x, y: p.y, phi: Angle.wrapped(p.phi))
    }

    /// Every joint position from the base to the tip: n + 1 points. Writes into `points` (capacity n + 1)
    /// so a render or solve loop can reuse one buffer.
    @inlinable
    public func jointPositions(_ q: UnsafeBufferPointer<Double>, into points: UnsafeMutableBufferPointer<Point2D>) {
        precondition(q.count == jointCount && points.count > jointCount, "buffer sizes must match the arm")
        var theta = 0.0
        var p = base
        points[0] = p
        for i in 0..<jointCount {
            theta += q[i]
            let (s, c) = Double.sincos(theta)
            p.x += links[i] * c
            p.y += links[i] * s
            points[i + 1] = p
        }
    }

    public func jointPositions(_ q: [Double]) -> [Point2D] {
        var points = Array(repeating: Point2D.origin, count: jointCount + 1)
        q.withUnsafeBufferPointer { q in points.withUnsafeMutableBufferPointer { jointPositions(q, into: $0) } }
        return points
    }
}

/// Angle helpers.
public enum Angle {
    /// a wrapped to (−π, π].
    @inlinable public static func wrapped(_ a: Double) -> Double {
        guard a.isFinite else { return a }
        var r = a.remainder(dividingBy: 2 * .pi)
        if r <= -.pi { r += 2 * .pi }
        return r
    }
}
