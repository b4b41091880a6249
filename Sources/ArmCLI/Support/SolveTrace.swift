import ArmKit
import AutoDiff

/// One row of `solve --trace`.
struct SolveTraceRow {
    var k: Int
    var loss: Double
    var gradientNorm: Double
    var errorNorm: Double
    var lambda: Double
    var stepNorm: Double
    /// ‖Δq taken‖ / ‖Δq proposed‖: 1 for a full step, 1/2ⁱ after i halvings of the line search. Known for
    /// the step rules whose full step the trace can recompute (dls, pinv, and a saddle escape); nil otherwise.
    var stepLength: Double?
    var sigmaMin: Double
    var curvature: CurvatureClass
    var saddleEscape: Bool
}

/// The per-iteration figures of a solve. The solver has no per-iteration hook today, so the trace replays the
/// solve one iteration at a time (maxIterations = 1 per call, from where the last call ended) around its public
/// API, and computes L, ‖∇L‖ and the curvature class from `LeastSquaresView` at each iterate. Row 0 is q0.
/// Each call starts with a fresh kinematics sweep where the full solve may rotate the previous one, so the
/// iterates agree with the full solve to rounding, not bit for bit; the trace stops where the full solve did.
struct SolveTracer {
    let problem: SolveProblem

    func trace(method: SolverMethod, iterations limit: Int) -> [SolveTraceRow] {
        var config = problem.config
        config.method = method
        config.maxIterations = 1
        var single = problem
        single.config = config
        let solver = single.makeSolver(method: method)
        var q = problem.q0
        var rows = [row(k: 0, q: q, report: nil, proposed: nil, taken: 0, escape: false)]
        let knownRule = method.rawValue == "dls" || method.rawValue == "pinv"
        for k in 1...max(1, limit) {
            let before = q
            let report = solver.solve(&q, target: problem.target)
            guard report.iterations > 0 else { break }
            let taken = LeastSquaresView.norm(zip(q, before).map { $0 - $1 })
            let escape = report.saddleEscapes > 0
            let full = escape ? problem.config.maxStep : knownRule ? proposedStep(q: before, lambda: report.damping) : nil
            rows.append(row(k: k, q: q, report: report, proposed: full, taken: taken, escape: escape))
            if report.status == .converged { break }
        }
        return rows
    }

    /// ‖Δq‖ of the undamped-or-λ-damped step J⁺e at q, clamped to maxStep as the solver clamps it.
    private func proposedStep(q: [Double], lambda: Double) -> Double {
        let arm = problem.arm
        var aim = problem.target
        if !arm.canReach(aim.point, slack: problem.config.tolerance) {   // the solver aims at the closest reachable point
            let p = arm.closestReachablePoint(to: aim.point, fallback: arm.tip(q).point)
            aim.x = p.x; aim.y = p.y
        }
        let j = arm.jacobian(q, task: problem.task, mode: .forward)
        let e = LeastSquaresLoss(arm: arm, target: aim, task: problem.task, reference: q).error(q)
        let step = VelocityMaps.jointVelocity(jacobian: j, tipVelocity: e, lambda: lambda)
        return min(LeastSquaresView.norm(step), problem.config.maxStep)
    }

    private func row(k: Int, q: [Double], report: SolveReport?, proposed: Double?, taken: Double, escape: Bool) -> SolveTraceRow {
        let j = problem.arm.jacobian(q, task: problem.task, mode: .forward)
        let view = LeastSquaresView(arm: problem.arm, q: q, target: problem.target, task: problem.task, jacobian: j)
        let sigma = report?.sigmaMin ?? SingularityAnalysis(arm: problem.arm, q: q, task: problem.task).sigmaMin
        return SolveTraceRow(k: k, loss: view.loss, gradientNorm: view.gradientNorm, errorNorm: LeastSquaresView.norm(view.error),
                             lambda: report?.damping ?? 0, stepNorm: taken,
                             stepLength: proposed.map { $0 > 0 ? min(1, taken / $0) : 0 }, sigmaMin: sigma,
                             curvature: view.curvature, saddleEscape: escape)
    }
}
