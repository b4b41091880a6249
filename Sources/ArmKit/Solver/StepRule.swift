/// How one iteration turns a sweep (tip, J, J Jᵀ) into a joint step Δq: the strategy that distinguishes the
/// IK methods. The solve loop is generic over it and specialised once per method (`JacobianIKSolver.solve`
/// switches on `SolverMethod` outside every loop), so a conformer costs what hand-written code would.
/// A new method is a new conformer and one line in that switch. A rule is made afresh for every solve, so
/// state it keeps (LM's λ) lives for one solve only.
protocol StepRule {
    /// λ for this iteration (reported as the frame's `damping`), or nil when the rule refuses to step at this
    /// configuration (the pseudo-inverse within ε of a singularity): the solve then ends `failed`.
    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double?

    /// Whether a system the step cannot solve means the rule refused (`failed`) rather than ran out of progress.
    var refusesWhenUnsolvable: Bool { get }

    /// Whether the rule's own step leaves saddles (along negative curvature): the loop then never calls
    /// `SaddleEscape`, and counts the rule's `lastStepEscapedSaddle` instead.
    var handlesSaddles: Bool { get }
    var lastStepEscapedSaddle: Bool { get }

    /// c of the Armijo condition L(q + αΔq) ≤ L(q) + c·α·∇Lᵀ Δq the line search enforces; 0 asks only for a
    /// decrease.
    var armijo: Double { get }

    /// Whether the rule adapts to the gain ratio (`observe`).
    var observesGain: Bool { get }
    /// The decrease of ‖e‖² the full step achieved, against the one its linear model J Δq predicted.
    mutating func observe(actual: Double, predicted: Double)

    /// Δq into `workspace.step`, joints in the active set left still; returns ‖Δq‖², or nil when the step's
    /// system could not be solved. On a free arm (`SolverModel.isFree`) the rule also saves q into
    /// `workspace.backup` and moves q by Δq (in the same pass, where it can); otherwise q is left alone.
    mutating func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                         lambda: Double, model: SolverModel, workspace: SolverWorkspace,
                                         _: Shape.Type) -> Double?
}

extension StepRule {
    @inline(__always) var handlesSaddles: Bool { false }
    @inline(__always) var lastStepEscapedSaddle: Bool { false }
    @inline(__always) var armijo: Double { 0 }
    @inline(__always) var observesGain: Bool { false }
    @inline(__always) mutating func observe(actual: Double, predicted: Double) {}
}
