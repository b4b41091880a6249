/// The manipulability (velocity) ellipse at the tip: the image {J q̇ : ‖q̇‖ ≤ 1} of the unit ball of joint
/// speeds, for the position rows of J. Its semi-axes are the singular values of J along the eigenvectors of
/// J Jᵀ (RTB's `vellipse`); its area is π·√det(J Jᵀ). At a singularity the minor axis is 0: a line.
public struct VelocityEllipse: Sendable, Equatable {
    public var center: Point2D
    /// Semi-axes, metres per radian, major ≥ minor ≥ 0.
    public var major: Double
    public var minor: Double
    /// Direction of the major axis, radians from +x.
    public var angle: Double

    public init(arm: PlanarArm, q: [Double]) {
        let joints = arm.jointPositions(q)
        let tip = joints[arm.jointCount]
        // Column k of the position Jacobian is the tip's offset from joint k turned by 90°: (−ry, rx).
        var a = 0.0, b = 0.0, c = 0.0
        for k in 0..<arm.jointCount {
            let rx = tip.x - joints[k].x, ry = tip.y - joints[k].y
            a += ry * ry; b += rx * rx; c -= rx * ry
        }
        self.init(center: tip, gram: (a, c, b))
    }

    /// From J Jᵀ = [[xx, xy], [xy, yy]].
    public init(center: Point2D, gram: (xx: Double, xy: Double, yy: Double)) {
        self.center = center
        let (small, large) = symmetricEigenvalues2x2(gram.xx, gram.xy, gram.yy)
        major = Swift.max(0, large).squareRoot()
        minor = Swift.max(0, small).squareRoot()
        // The major eigenvector's angle: ½·atan2(2xy, xx − yy).
        angle = 0.5 * Double.atan2(y: 2 * gram.xy, x: gram.xx - gram.yy)
    }

    /// A point on the outline at parameter t (radians), the semi-axes scaled by `scale`.
    public func point(at t: Double, scale: Double) -> Point2D {
        let (st, ct) = Double.sincos(t), (sa, ca) = Double.sincos(angle)
        let u = major * scale * ct, v = minor * scale * st
        return Point2D(x: center.x + ca * u - sa * v, y: center.y + sa * u + ca * v)
    }
}
