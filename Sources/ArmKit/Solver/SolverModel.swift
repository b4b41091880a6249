/// The immutable description of a solve (Pinocchio's *Model*): the arm, the task, the settings, and what the
/// loop derives from them once. Every buffer lives in `SolverWorkspace` (the *Data*).
struct SolverModel {
    let arm: PlanarArm
    let task: IKTask
    let config: SolverConfig
    /// The rest pose the `rest` null-space objective pulls toward.
    let rest: [Double]
    /// ε on σ_min: singular below it; variable damping acts below it.
    let threshold: Double
    /// Variable damping is also capped at μ‖e‖ (Levenberg–Marquardt as Yamashita–Fukushima): λ_max for errors of
    /// 1% of the reach, shrinking with the error, so a solve ending at a singular configuration still converges
    /// fast while ‖Δq‖ ≤ ‖e‖/(2λ) ≤ 1/(2μ) stays bounded.
    let errorScaledDampingCap: Double
    /// Whether a secondary objective moves the arm in J's null space.
    let nullSpaceActive: Bool
    /// The arm's joint limits, held here so the hot loop does not reach through `arm` for them.
    let limits: [JointLimit]?
    let n: Int

    init(arm: PlanarArm, task: IKTask, config: SolverConfig, rest: [Double]) {
        self.arm = arm; self.task = task; self.config = config
        self.rest = rest.count == arm.jointCount ? rest : [Double](repeating: 0, count: arm.jointCount)
        threshold = config.singularThreshold(for: arm)
        errorScaledDampingCap = config.damping / (0.01 * arm.reach)
        nullSpaceActive = config.nullSpace != .none && arm.jointCount > task.dimension && config.nullSpaceGain > 0
        limits = arm.limits
        n = arm.jointCount
    }

    /// No joint limits and no secondary objective (the common case): the step is formed, saved and applied
    /// in one pass over J.
    var isFree: Bool { limits == nil && !nullSpaceActive }

    var nullSpace: NullSpaceProjection {
        NullSpaceProjection(objective: nullSpaceActive ? config.nullSpace : .none, gain: config.nullSpaceGain,
                            rest: rest, limits: limits, arm: arm, task: task)
    }
}
