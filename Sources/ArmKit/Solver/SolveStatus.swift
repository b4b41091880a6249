/// How one IK solve ended.
public enum SolveStatus: String, Sendable, Equatable, CaseIterable {
    /// ‖e‖ < tolerance.
    case converged
    /// The target lies outside the annulus the arm can reach (beyond Σ L or inside the inner radius).
    case unreachable
    /// Joint limits stop the arm short of the target.
    case limited
    /// maxIterations passed without converging.
    case stalled
    /// The solver refused to step (the plain pseudo-inverse at a singularity).
    case failed
}
