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

    public func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> SolveReport {
        solve(q, target, NoTrace())
    }

    public func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D,
                      trace: (SolveIteration) -> Void) -> SolveReport {
        withoutActuallyEscaping(trace) { solve(q, target, ClosureTrace(body: $0)) }
    }

    /// The one place a method and a task become types: every loop below is specialised for both.
    @inline(__always)
    func solve<Observer: SolveObserver>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D,
                                        _ observer: Observer) -> SolveReport {
        precondition(q.count == model.n, "q must have one angle per joint")
        switch model.config.method {
        case .dls: return solve(q, target, DampedLeastSquaresRule(), observer)
        case .pinv: return solve(q, target, PseudoInverseRule(), observer)
        case .lm: return solve(q, target, LevenbergMarquardtRule(), observer)
        case .newton: return solve(q, target, NewtonRule(), observer)
        case .gradient: return solve(q, target, GradientDescentRule(), observer)
        }
    }

    @inline(__always)
    func solve<Rule: StepRule, Observer: SolveObserver>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D,
                                                        _ rule: Rule, _ observer: Observer) -> SolveReport {
        model.task == .position ? solve(q, target, rule, PositionShape.self, observer)
                                : solve(q, target, rule, PoseShape.self, observer)
    }

    /// One iteration as `armsim bench` times it (`dls_step`, `lm_step`, `newton_step`): a fresh sweep, e, λ, the
    /// step and the update. No saddle check, line search or singularity report. Returns ‖Δq‖².
    @discardableResult
    public func iterate(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> Double {
        switch model.config.method {
        case .dls: return iterate(q, target, DampedLeastSquaresRule())
        case .pinv: return iterate(q, target, PseudoInverseRule())
        case .lm: return iterate(q, target, LevenbergMarquardtRule())
        case .newton: return iterate(q, target, NewtonRule())
        case .gradient: return iterate(q, target, GradientDescentRule())
        }
    }

    @inline(__always)
    func iterate<Rule: StepRule>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D, _ rule: Rule) -> Double {
        model.task == .position ? iterate(q, target, rule, PositionShape.self) : iterate(q, target, rule, PoseShape.self)
    }
}
