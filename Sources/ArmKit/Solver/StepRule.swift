/// How one iteration turns a sweep (tip, J, J Jᵀ) into a joint step Δq: the strategy that distinguishes the
/// IK methods. The solve loop is generic over it and specialised once per method (`JacobianIKSolver.solve`
/// switches on `SolverMethod` outside every loop), so a conformer costs what hand-written code would.
/// A new method is a new conformer and one line in that switch.
protocol StepRule {
    /// λ for this iteration (reported as the frame's `damping`), or nil when the rule refuses to step at this
    /// configuration (the pseudo-inverse within ε of a singularity): the solve then ends `failed`.
    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double?

    /// Whether a system the step cannot solve means the rule refused (`failed`) rather than ran out of progress.
    var refusesWhenUnsolvable: Bool { get }

    /// Δq into `workspace.step`, joints in the active set left still; returns ‖Δq‖², or nil when the step's
    /// system could not be solved. On a free arm (`SolverModel.isFree`) the rule also saves q into
    /// `workspace.backup` and moves q by Δq (in the same pass, where it can); otherwise q is left alone.
    func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                lambda: Double, model: SolverModel, workspace: SolverWorkspace, _: Shape.Type) -> Double?
}
