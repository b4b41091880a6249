import AutoDiff

/// Forward kinematics, written once and generic over the scalar: `Double` for positions, `DualVector` for
/// forward-mode Jacobians, `Tracked` for reverse mode, `Dual<DualVector>` for the kinematic Hessian.
extension PlanarArm {
    /// The tip pose for joint angles supplied by `angle(i)` (how each scalar type lifts q[i]).
    /// φ is the sum of the relative angles, unwrapped (so it stays differentiable).
    ///
    /// The chain is a composition: absolute angles θ_i = Σ_{k≤i} q_k (a prefix sum), then the tip is the base
    /// plus the sum of the link elements L_i·direction(θ_i). `jacobianForward` differentiates exactly these
    /// two pieces.
    ///
    /// Always inlined: out of line, the reverse recording's three returned `Tracked` values went through memory
    /// and were reloaded with wider loads than the stores that wrote them (measurements: docs/performance.md).
    @inlinable @inline(__always)
    public func tipPose<T: ADReal>(angle: (Int) -> T) -> (x: T, y: T, phi: T) {
        links.withUnsafeBufferPointer { lengths in
            var x = T(base.x)
            var y = T(base.y)
            let n = lengths.count
            guard n > 0 else { return (x, y, T(0)) }
            var theta = angle(0)
            var d = Self.direction(absoluteAngle: theta)
            // θ_{i+1} is formed before link i joins the sums. In reverse mode this records it first, so the
            // sweep adds link i's contributions to θ_i's adjoint before the θ chain reaches it: one
            // store-to-load step per joint on the sweep's critical path instead of three.
            var length = lengths[0]
            for i in 1..<n {
                theta = theta + angle(i)
                // x + L·cos θ as one operation (one tape node in reverse mode).
                x = x.addingProduct(length, d.x)
                y = y.addingProduct(length, d.y)
                d = Self.direction(absoluteAngle: theta)
                length = lengths[i]
            }
            x = x.addingProduct(length, d.x)
            y = y.addingProduct(length, d.y)
            return (x, y, theta)
        }
    }

    /// A link's unit direction (cos θ, sin θ) for its absolute angle θ: one sincos.
    @inlinable @inline(__always)
    public static func direction<T: ADReal>(absoluteAngle theta: T) -> (x: T, y: T) {
        let (s, c) = T.sincos(theta)
        return (c, s)
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
        if a > -.pi && a <= .pi { return a }   // already wrapped: the common case needs no remainder
        guard a.isFinite else { return a }
        var r = a.remainder(dividingBy: 2 * .pi)
        if r <= -.pi { r += 2 * .pi }
        return r
    }

    /// Beyond ±`largeAngle` an angle is reduced before any arithmetic: a difference such as 1e12 − 0.3 would
    /// otherwise round the smaller term away (an ulp of 1e12 is 1.2e-4 rad).
    public static let largeAngle = 1024 * Double.pi

    /// a − b wrapped to (−π, π], accurate for any finite a and b: operands beyond ±`largeAngle` are reduced first.
    @inlinable public static func difference(_ a: Double, _ b: Double) -> Double {
        if Swift.abs(a) <= largeAngle && Swift.abs(b) <= largeAngle { return wrapped(a - b) }
        return wrapped(wrapped(a) - wrapped(b))
    }

    /// Reduces every finite joint angle beyond ±`largeAngle` to (−π, π] in place (the same configuration), so a
    /// step of a few hundredths of a radian is not lost against it. Returns q.
    @discardableResult
    public static func reduceLarge(_ q: UnsafeMutableBufferPointer<Double>) -> UnsafeMutableBufferPointer<Double> {
        for i in 0..<q.count where Swift.abs(q[i]) > largeAngle && q[i].isFinite { q[i] = wrapped(q[i]) }
        return q
    }
}
