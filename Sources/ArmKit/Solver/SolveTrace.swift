extension JacobianIKSolver {
    /// The trace's figures at the iterate before the step (computed only for an active observer).
    func traceStart<Shape: TaskShape>(_ k: Int, _ at: Evaluation, _ lambda: Double, _: Shape.Type) -> SolveIteration {
        let j = workspace.jacobian, n = model.n, e = at.residual.components
        var gradientSquared = 0.0
        for c in 0..<n {
            var g = 0.0
            for r in 0..<Shape.rows { g += j[r * n + c] * e[r] }
            gradientSquared += g * g
        }
        let sigma = Shape.rows == 2
            ? SingularValues.twoRows(UnsafeBufferPointer(j), n, alpha: at.sweep.gram.a00, beta: at.sweep.gram.a11,
                                     gamma: at.sweep.gram.a01).min
            : SingularValues(jacobian: UnsafeBufferPointer(j), rows: Shape.rows, columns: n, scratch: workspace.scratch).min
        return SolveIteration(k: k, loss: 0.5 * at.residual.normSquared, gradientNorm: gradientSquared.squareRoot(),
                              errorNorm: at.residual.norm, sigmaMin: sigma, damping: lambda, stepNorm: 0, stepLength: 0,
                              saddleEscape: false)
    }

    func traceEnd(_ start: SolveIteration, _ end: IterationEnd) -> SolveIteration {
        var entry = start
        entry.stepNorm = end.stepSquared.squareRoot()
        entry.stepLength = end.alpha
        entry.saddleEscape = end.escapedSaddle
        return entry
    }
}
