/// The iterates of one IK method from a start configuration toward a fixed target: the solver is run one
/// iteration at a time (maxIterations = 1, warm-started from the previous iterate), so any method the solver
/// offers can be traced without the solver knowing. Stops when a solve reports `converged`, when an iteration
/// no longer moves q, or after `maxSteps`.
public struct SolverIterates: Sendable {
    public var method: SolverMethod
    /// Every iterate, starting with q0: each a full configuration.
    public private(set) var points: [[Double]] = []
    public private(set) var finalStatus: SolveStatus = .stalled

    public init(method: SolverMethod, arm: PlanarArm, task: IKTask, config: SolverConfig, start q0: [Double],
                target: Pose2D, maxSteps: Int = 200) {
        self.method = method
        var settings = config
        settings.method = method
        settings.maxIterations = 1
        let solver = makeSolver(arm: arm, task: task, config: settings, rest: q0)
        var q = q0
        points.append(q)
        for _ in 0..<maxSteps {
            let before = q
            let report = solver.solve(&q, target: target)
            finalStatus = report.status
            guard q.allSatisfy(\.isFinite) else { break }
            if q != before { points.append(q) }
            if report.status == .converged || q == before { break }
        }
    }
}
