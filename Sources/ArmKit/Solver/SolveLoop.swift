import AutoDiff

/// The tip, J Jᵀ (J itself is in the workspace) and the residual at the current q.
struct Evaluation {
    var sweep: Sweep
    var residual: TaskResidual
}

/// The solve's current evaluation and how to make the next: a sweep by the cache, the residual to the aim.
struct SweptResidual<Shape: TaskShape>: LineSearchObjective {
    let sweeps: SweepCache
    let aim: Pose2D
    var at: Evaluation

    @inline(__always) var loss: Double { at.residual.normSquared }

    @inline(__always) mutating func evaluate(at q: UnsafeMutableBufferPointer<Double>) {
        let sweep = sweeps.next(q, Shape.self)
        at = Evaluation(sweep: sweep, residual: TaskResidual(target: aim, tip: sweep.tip, task: Shape.task))
    }
}

/// What one iteration did, for the loop's bookkeeping and the trace.
struct IterationEnd {
    /// Whether the loop goes on.
    var proceeds: Bool
    /// ‖Δq‖² of the step proposed (after the bound), 0 if none.
    var stepSquared = 0.0
    /// α after the line search (1 for a full step, 0 when none was kept).
    var alpha = 0.0
    var escapedSaddle = false
    /// The rule refused (`failed`).
    var refused = false
}

extension JacobianIKSolver {
    /// The algorithm, specialised for one step rule, one task and one observer.
    @inline(__always)
    func solve<Rule: StepRule, Shape: TaskShape, Observer: SolveObserver>(
        _ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D, _ initialRule: Rule, _: Shape.Type,
        _ observer: Observer
    ) -> SolveReport {
        var rule = initialRule
        var report = SolveReport()
        let reachable = model.arm.canReach(target.point, slack: model.config.tolerance)
        let first = workspace.sweeps.kept(at: q) ?? workspace.sweeps.fresh(Angle.reduceLarge(q), Shape.self)
        let aim = aimPoint(for: target, reachable: reachable, tip: first.tip)
        var current = SweptResidual<Shape>(sweeps: workspace.sweeps, aim: aim, at: Evaluation(
            sweep: first, residual: TaskResidual(target: aim, tip: first.tip, task: Shape.task)))
        var refused = false, lambda = 0.0, largestStepSquared = 0.0
        let toleranceSquared = model.config.tolerance * model.config.tolerance
        while report.iterations < model.config.maxIterations && current.loss >= toleranceSquared {
            guard let damping = rule.damping(current.at.sweep.gram, current.at.residual, model) else { refused = true; break }
            lambda = damping
            report.iterations += 1
            let start = Observer.isActive ? traceStart(report.iterations, current.at, lambda, Shape.self) : nil
            let end = iteration(q, &current, lambda: lambda, &rule)
            if let start { observer.record(traceEnd(start, end)) }
            if end.escapedSaddle { report.saddleEscapes += 1 }
            largestStepSquared = max(largestStepSquared, end.stepSquared)
            refused = end.refused
            if !end.proceeds { break }
        }
        report.largestStep = largestStepSquared.squareRoot()
        report.damping = lambda
        finish(&report, q, at: current.at, target: target, reachable: reachable, refused: refused, Shape.self)
        return report
    }

    /// One iteration after λ: the saddle check, the step and its update, the line search.
    @inline(__always)
    func iteration<Rule: StepRule, Shape: TaskShape>(
        _ q: UnsafeMutableBufferPointer<Double>, _ current: inout SweptResidual<Shape>, lambda: Double, _ rule: inout Rule
    ) -> IterationEnd {
        if !rule.handlesSaddles
            && SaddleEscape.isStationary(current.at.residual, gram: current.at.sweep.gram, jacobian: workspace.jacobian, Shape.self) {
            // A true minimum of ½‖e‖² (no negative curvature) ends the solve: no iteration can do better.
            guard SaddleEscape.escape(q, target: current.aim, model: model, trial: workspace.trial) else {
                return IterationEnd(proceeds: false)
            }
            current.evaluate(at: q)
            let bound = model.config.maxStep
            return IterationEnd(proceeds: true, stepSquared: bound * bound, alpha: 1, escapedSaddle: true)
        }
        let before = current.loss
        guard let stepSquared = update(q, at: current.at, lambda: lambda, &rule, Shape.self) else {
            return IterationEnd(proceeds: false, refused: rule.refusesWhenUnsolvable)
        }
        // J Δq, for the rules that weigh the step against their linear model (before the sweep overwrites J).
        let predicted = rule.armijo > 0 || rule.observesGain
            ? predictedDecrease(current.at.residual, Shape.self) : (slope: 0, model: 0)
        current.evaluate(at: q)
        var end = IterationEnd(proceeds: true, stepSquared: stepSquared, alpha: 1, escapedSaddle: rule.lastStepEscapedSaddle)
        if rule.observesGain { rule.observe(actual: before - current.loss, predicted: predicted.model) }
        if stepSquared < 1e-30 { end.proceeds = false; return end }   // no motion left: a minimum, or all frozen
        let search = LineSearch.backtrack(q, from: workspace.backup, along: workspace.step, activeSet: workspace.activeSet,
                                          before: before, slope: rule.armijo * predicted.slope, objective: &current)
        end.alpha = search.outcome == .noDescent ? 0 : search.alpha
        end.proceeds = search.outcome == .descended
        return end
    }

    /// From the step in the workspace and J before it moved: the slope −d‖e‖²/dα = 2 eᵀJΔq, and the decrease of
    /// ‖e‖² the linear model predicts, 2 eᵀJΔq − ‖JΔq‖².
    func predictedDecrease<Shape: TaskShape>(_ e: TaskResidual, _: Shape.Type) -> (slope: Double, model: Double) {
        let j = workspace.jacobian, step = workspace.step, n = model.n
        var jdq = SIMD3<Double>()
        for r in 0..<Shape.rows { for c in 0..<n { jdq[r] += j[r * n + c] * step[c] } }
        let slope = 2 * (e.components * jdq).sum()
        return (slope, slope - (jdq * jdq).sum())
    }

    /// One iteration without the loop's checks (the bench's `dls_step`).
    @inline(__always)
    func iterate<Rule: StepRule, Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _ target: Pose2D,
                                                   _ initialRule: Rule, _: Shape.Type) -> Double {
        var rule = initialRule
        workspace.sweeps.forget()
        let sweep = workspace.sweeps.fresh(q, Shape.self)
        let at = Evaluation(sweep: sweep, residual: TaskResidual(target: target, tip: sweep.tip, task: Shape.task))
        guard let lambda = rule.damping(sweep.gram, at.residual, model) else { return 0 }
        return update(q, at: at, lambda: lambda, &rule, Shape.self) ?? 0
    }

    /// The step rule's Δq bounded to maxStep, plus any null-space motion, applied to q within its limits; q before
    /// the update is left in `backup` for the line search. Returns the primary step's ‖Δq‖² (after the bound), or
    /// nil if the rule could not solve for it.
    @inline(__always)
    func update<Rule: StepRule, Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, at: Evaluation, lambda: Double,
                                                  _ rule: inout Rule, _: Shape.Type) -> Double? {
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
