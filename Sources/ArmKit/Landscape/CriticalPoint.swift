/// A landscape's names for `CurvatureClass` at a stationary point: a bowl is a minimum, a hill a maximum (or a
/// degenerate one), a flat class degenerate (the test cannot tell: a valley floor, a ridge, a plateau).
public enum CriticalPointKind: String, Sendable, Equatable, CaseIterable {
    case minimum
    case saddle
    case maximum
    case degenerate

    public init(_ curvature: CurvatureClass) {
        switch curvature {
        case .bowl: self = .minimum
        case .saddle: self = .saddle
        case .hill: self = .maximum
        case .flat: self = .degenerate
        }
    }

    /// The class of the 2×2 Hessian's eigenvalues, by `CurvatureClass`'s rule.
    public init(eigenvalues l: (Double, Double)) {
        self.init(CurvatureClass.classify(eigenvalues: [l.0, l.1]))
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
