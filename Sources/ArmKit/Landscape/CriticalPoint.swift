/// What kind of stationary point of L a critical point is, by the signs of the 2×2 Hessian's eigenvalues.
public enum CriticalPointKind: String, Sendable, Equatable, CaseIterable {
    case minimum
    case saddle
    case maximum
    /// An eigenvalue within τ of zero: the test cannot tell (a valley floor, a ridge, a flat plateau).
    case degenerate

    /// τ is relative to the larger |λ|: 1e-6 of it, and never below 1e-12 (m²/rad²).
    public init(eigenvalues l: (Double, Double)) {
        let tau = Swift.max(1e-12, 1e-6 * Swift.max(Swift.abs(l.0), Swift.abs(l.1)))
        let small = Swift.min(l.0, l.1), large = Swift.max(l.0, l.1)
        if small > tau { self = .minimum } else if large < -tau { self = .maximum }
        else if small < -tau && large > tau { self = .saddle } else { self = .degenerate }
    }
}

/// A stationary point of L in a landscape's plane: ∇L = 0 in (q[x], q[y]), the other joints held.
public struct CriticalPoint: Sendable, Equatable {
    /// q[xJoint], q[yJoint], radians.
    public var x: Double
    public var y: Double
    public var loss: Double
    /// ‖∇L‖ in the plane at the point.
    public var gradientNorm: Double
    /// Eigenvalues of the 2×2 Hessian of L restricted to the two joints, ascending.
    public var eigenvalues: (Double, Double)
    public var kind: CriticalPointKind

    public init(x: Double, y: Double, loss: Double, gradientNorm: Double, eigenvalues: (Double, Double)) {
        self.x = x; self.y = y; self.loss = loss; self.gradientNorm = gradientNorm
        self.eigenvalues = (Swift.min(eigenvalues.0, eigenvalues.1), Swift.max(eigenvalues.0, eigenvalues.1))
        kind = CriticalPointKind(eigenvalues: eigenvalues)
    }

    public static func == (a: CriticalPoint, b: CriticalPoint) -> Bool {
        a.x == b.x && a.y == b.y && a.loss == b.loss && a.eigenvalues == b.eigenvalues
    }
}
