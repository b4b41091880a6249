import AutoDiff

/// L(q) = ½‖e(q)‖² with e = target − tip (x, y[, φ]), the objective every IK method descends, generic over the
/// scalar so AD of any order applies. The φ target is unwrapped next to `reference` (as the solver does), so
/// e_φ near there is the wrapped difference and L is smooth.
public struct LeastSquaresLoss: DifferentiableScalarFunction, Sendable {
    public let arm: PlanarArm
    public let target: Pose2D
    public let task: IKTask
    let objective: ErrorObjective

    public init(arm: PlanarArm, target: Pose2D, task: IKTask, reference q: [Double]) {
        self.arm = arm; self.target = target; self.task = task
        objective = ErrorObjective(arm: arm, target: target, task: task, reference: q)
    }

    public func callAsFunction<T: ADReal>(_ q: [T]) -> T { objective(q) }

    /// e(q) = target − tip, one entry per task row (the φ row against the unwrapped target).
    public func error(_ q: [Double]) -> [Double] {
        let tip = arm.tipPose { q[$0] }
        let e = [target.x - tip.x, target.y - tip.y, objective.phiTarget - tip.phi]
        return Array(e.prefix(task.dimension))
    }
}

/// The tip map q ↦ (x, y[, φ]) as a `DifferentiableMap`, for `jvp`/`vjp` and finite differences.
public struct TipMap: DifferentiableMap, Sendable {
    public let arm: PlanarArm
    public let task: IKTask

    public init(arm: PlanarArm, task: IKTask) { self.arm = arm; self.task = task }

    public func callAsFunction<T: ADReal>(_ q: [T]) -> [T] {
        let tip = arm.tipPose { q[$0] }
        return task == .pose ? [tip.x, tip.y, tip.phi] : [tip.x, tip.y]
    }
}

