import AutoDiff

/// The tip, J Jᵀ (J itself is in the workspace) and the residual at the current q.
struct Evaluation {
    var sweep: Sweep
    var residual: TaskResidual
}

extension JacobianIKSolver {
    /// The algorithm, specialised for one step rule and one task.
    @inline(__always)
    func solve<Rule: StepRule, Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D,
                                                 _ rule: Rule, _: Shape.Type) -> SolveReport {
        var report = SolveReport()
        let reachable = model.arm.canReach(target.point, slack: model.config.tolerance)
        let first = workspace.sweeps.kept(at: q) ?? workspace.sweeps.fresh(Angle.reduceLarge(q), Shape.self)
        let aim = aimPoint(for: target, reachable: reachable, tip: first.tip)
        var at = Evaluation(sweep: first, residual: TaskResidual(target: aim, tip: first.tip, task: Shape.task))
        let evaluate = { (q: UnsafeMutableBufferPointer<Double>) -> Evaluation in
            let sweep = self.workspace.sweeps.next(q, Shape.self)
            return Evaluation(sweep: sweep, residual: TaskResidual(target: aim, tip: sweep.tip, task: Shape.task))
        }
        var refused = false, lambda = 0.0, largestStepSquared = 0.0
        let toleranceSquared = model.config.tolerance * model.config.tolerance
        while report.iterations < model.config.maxIterations && at.residual.normSquared >= toleranceSquared {
            guard let damping = rule.damping(at.sweep.gram, at.residual, model) else { refused = true; break }
            lambda = damping
            report.iterations += 1
            if SaddleEscape.isStationary(at.residual, gram: at.sweep.gram, jacobian: workspace.jacobian, Shape.self) {
                guard SaddleEscape.escape(q, target: aim, model: model, trial: workspace.trial) else { break }
                report.saddleEscapes += 1
                report.largestStep = max(report.largestStep, model.config.maxStep)
                at = evaluate(q)
                continue
            }
            let before = at.residual.normSquared
            guard let stepSquared = update(q, at: at, lambda: lambda, rule, Shape.self) else {
                refused = rule.refusesWhenUnsolvable
                break
            }
            largestStepSquared = max(largestStepSquared, stepSquared)
            at = evaluate(q)
            if stepSquared < 1e-30 { break }   // no motion left: a minimum of ½‖e‖², or every joint frozen
            let outcome = LineSearch.backtrack(q, from: workspace.backup, along: workspace.step, activeSet: workspace.activeSet,
                                               before: before, current: &at, loss: { $0.residual.normSquared },
                                               evaluate: evaluate)
            if outcome != .descended { break }
        }
        report.largestStep = max(report.largestStep, largestStepSquared.squareRoot())
        report.damping = lambda
        finish(&report, q, at: at, target: target, reachable: reachable, refused: refused, Shape.self)
        return report
    }

    /// One iteration without the loop's checks (the bench's `dls_step`).
    @inline(__always)
    func iterate<Rule: StepRule, Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D,
                                                   _ rule: Rule, _: Shape.Type) -> Double {
        workspace.sweeps.forget()
        let sweep = workspace.sweeps.fresh(q, Shape.self)
        let at = Evaluation(sweep: sweep, residual: TaskResidual(target: target, tip: sweep.tip, task: Shape.task))
        guard let lambda = rule.damping(sweep.gram, at.residual, model) else { return 0 }
        return update(q, at: at, lambda: lambda, rule, Shape.self) ?? 0
    }

    /// The step rule's Δq bounded to maxStep, plus any null-space motion, applied to q within its limits; q before
    /// the update is left in `backup` for the line search. Returns the primary step's ‖Δq‖² (after the bound), or
    /// nil if the rule could not solve for it.
    @inline(__always)
    func update<Rule: StepRule, Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, at: Evaluation, lambda: Double,
                                                  _ rule: Rule, _: Shape.Type) -> Double? {
        let free = model.isFree, step = workspace.step, n = model.n
        guard var normSquared = rule.step(q, sweep: at.sweep, residual: at.residual, lambda: lambda, model: model,
                                          workspace: workspace, Shape.self) else { return nil }
        guard normSquared.isFinite else {   // overflow: never move q by a non-finite step
            if free { for i in 0..<n { q[i] = workspace.backup[i] } }
            return nil
        }
        let maxStep = model.config.maxStep
        if normSquared > maxStep * maxStep {
            let scale = maxStep / normSquared.squareRoot()
            for i in 0..<n { step[i] *= scale }
            // A free rule has already moved q: re-form it from the backup, bit for bit what separate passes give.
            if free { for i in 0..<n { q[i] = workspace.backup[i] + step[i] } }
            normSquared = maxStep * maxStep
        }
        if free { return normSquared }
        model.nullSpace.add(to: step, at: q, jacobian: workspace.jacobian, gram: at.sweep.gram, lambda: lambda,
                            z: workspace.trial, bound: maxStep, Shape.self)
        for i in 0..<n { q[i] += step[i] }
        workspace.activeSet?.clamp(q)
        return normSquared
    }

    /// An unreachable target is aimed at through its closest reachable point: the arm ends stretched toward it
    /// (or folded toward a target in the inner hole) instead of oscillating.
    func aimPoint(for target: Pose2D, reachable: Bool, tip: (x: Double, y: Double, phi: Double)) -> Pose2D {
        guard !reachable else { return target }
        var aim = target
        let p = model.arm.closestReachablePoint(to: target.point, fallback: Point2D(x: tip.x, y: tip.y))
        aim.x = p.x; aim.y = p.y
        return aim
    }
}
