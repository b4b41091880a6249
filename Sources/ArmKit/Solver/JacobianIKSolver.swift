import AutoDiff

/// Jacobian-based IK as a loop of named steps over one workspace: sweep (tip, J and J Jᵀ in one AD pass,
/// `SweepCache`) → damping and step (the method's `StepRule`) → step bound and null-space motion → joint
/// limits (`JointLimitActiveSet`) → `LineSearch` → `SaddleEscape` when stationary away from the target → report.
/// The description (`SolverModel`) is immutable; every buffer lives in `SolverWorkspace`, so a solve allocates
/// nothing in the steady state.
public final class JacobianIKSolver: IKSolver {
    let model: SolverModel
    let workspace: SolverWorkspace

    public var arm: PlanarArm { model.arm }
    public var task: IKTask { model.task }
    public var config: SolverConfig { model.config }
    /// The rest pose the `rest` null-space objective pulls toward.
    public var rest: [Double] { model.rest }
    /// ε on σ_min: singular below it; variable damping acts below it.
    public var threshold: Double { model.threshold }

    public init(arm: PlanarArm, task: IKTask, config: SolverConfig, rest: [Double]) {
        model = SolverModel(arm: arm, task: task, config: config, rest: rest)
        workspace = SolverWorkspace(model: model)
    }

    deinit { workspace.deallocate() }

    /// The one place a method and a task become types: every loop below is specialised for both.
    public func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> SolveReport {
        precondition(q.count == model.n, "q must have one angle per joint")
        switch (model.config.method, model.task) {
        case (.dls, .position): return solve(q, target, DampedLeastSquaresRule(), PositionShape.self)
        case (.dls, .pose): return solve(q, target, DampedLeastSquaresRule(), PoseShape.self)
        case (.pinv, .position): return solve(q, target, PseudoInverseRule(), PositionShape.self)
        case (.pinv, .pose): return solve(q, target, PseudoInverseRule(), PoseShape.self)
        }
    }

    /// One iteration as `armsim bench` times it (`dls_step`): a fresh sweep, e, λ, the step and the update.
    /// No saddle check, line search or singularity report. Returns ‖Δq‖².
    @discardableResult
    public func iterate(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> Double {
        switch (model.config.method, model.task) {
        case (.dls, .position): return iterate(q, target, DampedLeastSquaresRule(), PositionShape.self)
        case (.dls, .pose): return iterate(q, target, DampedLeastSquaresRule(), PoseShape.self)
        case (.pinv, .position): return iterate(q, target, PseudoInverseRule(), PositionShape.self)
        case (.pinv, .pose): return iterate(q, target, PseudoInverseRule(), PoseShape.self)
        }
    }
}
