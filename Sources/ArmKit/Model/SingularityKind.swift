/// Where a rank loss of the Jacobian puts the arm.
public enum SingularityKind: String, Sendable, Equatable, CaseIterable {
    /// Not singular.
    case none
    /// Stretched straight: every relative angle after the first ≡ 0 (mod 2π); the tip is on the outer edge.
    case boundary
    /// Folded (some relative angle ≡ π) or another rank loss inside the workspace.
    case interior
}
