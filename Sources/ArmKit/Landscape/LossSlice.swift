import AutoDiff

/// The tracking objective L = ½‖e‖² restricted to two joints, the others held at `center`: the plane a
/// landscape picture shows. Joint `lo` < `hi`; u and v are the offsets of q[lo] and q[hi] from the centre.
///
/// With only two joints moving, the tip is P + R(u)·(A + R(v)·B): P the fixed chain before `lo`, A the links
/// from `lo` up to `hi`, B the links from `hi` on (all at the centre configuration), R a rotation. So once
/// sin/cos of the grid's offsets are known, each grid point costs a few multiplications instead of an FK.
public struct LossSlice: Sendable {
    public let arm: PlanarArm
    public let task: IKTask
    public let target: Pose2D
    public let center: [Double]
    public let lo: Int
    public let hi: Int
    let p: Point2D, a: Point2D, b: Point2D
    /// The target φ unwrapped next to the centre's φ, so e_φ is the wrapped difference there.
    let phiTarget: Double
    let phiCenter: Double

    public init(arm: PlanarArm, task: IKTask, target: Pose2D, center: [Double], joints: (Int, Int)) {
        precondition(center.count == arm.jointCount && joints.0 != joints.1)
        self.arm = arm; self.task = task; self.target = target; self.center = center
        lo = min(joints.0, joints.1); hi = max(joints.0, joints.1)
        var p = arm.base, a = Point2D.origin, b = Point2D.origin
        var theta = 0.0
        for k in 0..<arm.jointCount {
            theta += center[k]
            let (s, c) = Double.sincos(theta)
            let dx = arm.links[k] * c, dy = arm.links[k] * s
            if k < lo { p.x += dx; p.y += dy } else if k < hi { a.x += dx; a.y += dy } else { b.x += dx; b.y += dy }
        }
        self.p = p; self.a = a; self.b = b
        phiCenter = theta
        phiTarget = theta + Angle.wrapped(target.phi - theta)
    }

    /// L at offsets (u, v) of (q[lo], q[hi]), given their sines and cosines.
    @inline(__always)
    public func loss(sinU: Double, cosU: Double, sinV: Double, cosV: Double, u: Double, v: Double) -> Double {
        let bx = cosV * b.x - sinV * b.y + a.x, by = sinV * b.x + cosV * b.y + a.y
        let ex = target.x - (p.x + cosU * bx - sinU * by)
        let ey = target.y - (p.y + sinU * bx + cosU * by)
        var sum = ex * ex + ey * ey
        if task == .pose { let ephi = phiTarget - (phiCenter + u + v); sum += ephi * ephi }
        return 0.5 * sum
    }

    /// L at offsets (u, v).
    public func loss(u: Double, v: Double) -> Double {
        let (su, cu) = Double.sincos(u), (sv, cv) = Double.sincos(v)
        return loss(sinU: su, cosU: cu, sinV: sv, cosV: cv, u: u, v: v)
    }

    /// The full configuration at offsets (u, v).
    public func configuration(u: Double, v: Double) -> [Double] {
        var q = center
        q[lo] += u; q[hi] += v
        return q
    }

    /// The same L as a function of (q[lo], q[hi]) for the AD verbs (gradient, Hessian of the slice).
    public var objective: SliceObjective { SliceObjective(slice: self) }
}

/// L over (q[lo], q[hi]) written generically, the other joints held: for `gradient` and `hessian`.
public struct SliceObjective: DifferentiableScalarFunction {
    let slice: LossSlice

    public func callAsFunction<T: ADReal>(_ x: [T]) -> T {
        let s = slice
        let tip = s.arm.tipPose { k -> T in k == s.lo ? x[0] : k == s.hi ? x[1] : T(s.center[k]) }
        let ex = T(s.target.x) - tip.x, ey = T(s.target.y) - tip.y
        var sum = ex * ex + ey * ey
        if s.task == .pose { let ephi = T(s.phiTarget) - tip.phi; sum = sum + ephi * ephi }
        return 0.5 * sum
    }
}
