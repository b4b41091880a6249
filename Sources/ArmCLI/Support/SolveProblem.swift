import ArmKit

/// One IK problem as `solve` poses it: an arm, a task, solver settings, a start q0 and a target.
struct SolveProblem {
    var arm: PlanarArm
    var task: IKTask
    /// Whether the task was given (--task or a scenario): a target must then match it.
    var taskGiven: Bool
    var config: SolverConfig
    var q0: [Double]
    var target: Pose2D
    /// The null-space `rest` pose (the scenario's initial, as `run` uses).
    var rest: [Double]?

    /// This problem aimed at a target x,y or x,y,φ (checked as `option`).
    func aiming(at values: [Double], option: String) throws(CommandFailure) -> SolveProblem {
        let (pose, implied) = try InputBounds.target(values, option: option, task: taskGiven ? task : nil)
        var problem = self
        problem.target = pose
        problem.task = implied
        return problem
    }

    func makeSolver(method: SolverMethod) -> any IKSolver {
        var config = self.config
        config.method = method
        return ArmKit.makeSolver(arm: arm, task: task, config: config, rest: rest)
    }

    /// Solves from q0 (or `start`) with `method`; the time is the median of `repeats` solves from the same start
    /// with one solver (its result depends only on q and the target, so every repeat does the same work).
    func solve(method: SolverMethod, from start: [Double]? = nil, repeats: Int = 1) -> SolveOutcome {
        let solver = makeSolver(method: method)
        let clock = ContinuousClock()
        var times: [Duration] = []
        var q = start ?? q0
        var report = SolveReport()
        for _ in 0..<max(1, repeats) {
            q = start ?? q0
            let began = clock.now
            report = solver.solve(&q, target: target)
            times.append(clock.now - began)
        }
        times.sort()
        let median = times[times.count / 2]
        return SolveOutcome(method: method, start: start ?? q0, q: q, report: report, microseconds: median.seconds * 1e6)
    }
}
