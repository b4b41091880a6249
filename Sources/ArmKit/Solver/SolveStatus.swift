/// How one IK solve ended.
public enum SolveStatus: String, Sendable, Equatable, CaseIterable {
    /// ‖e‖ < tolerance.
    case converged
    /// The target lies outside the annulus the arm can reach (beyond Σ L or inside the inner radius), or, for the
    /// pose task, its wrist lies outside the annulus of the other links.
    case unreachable
    /// Joint limits stop the arm short of the target.
    case limited
    /// Short of a reachable target with no joint at a limit: maxIterations passed, or no step lowers the error
    /// any further (the line search found no descent, or a stationary point with no negative curvature).
    case stalled
    /// The solver refused to step (the plain pseudo-inverse at a singularity), or its result is not finite.
    case failed
}
