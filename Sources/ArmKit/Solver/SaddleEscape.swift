import AutoDiff

/// Leaves a saddle of ½‖e‖²: a stationary point (‖Jᵀe‖ ≈ 0) away from the target, such as a stretched arm whose
/// target lies inward on its line, where no first-order step can move. The Hessian of ½‖e‖² by nested AD gives
/// the direction of most negative curvature (the idea of saddle-free Newton methods); along it a backtracking
/// search finds a lower error. With no negative curvature the point is a true minimum and nothing can help.
enum SaddleEscape {
    /// ‖Jᵀe‖ negligible next to ‖J‖·‖e‖: ½‖e‖² is stationary but the target is not reached.
    @inline(__always)
    static func isStationary<Shape: TaskShape>(_ e: TaskResidual, gram: SmallSymmetric,
                                               jacobian: UnsafeMutableBufferPointer<Double>, _: Shape.Type) -> Bool {
        // eᵀ(J Jᵀ)e and trace(J Jᵀ) are free from the Gram matrix but round at ~1e-16 of the scale, far above the
        // test below: they can only rule a saddle out (the common case); anything near goes to the pass over J.
        if gram.quadraticForm(e.components) > 1e-10 * gram.trace * e.normSquared { return false }
        return exactlyStationary(e, jacobian: jacobian, Shape.self)
    }

    @inline(never)
    static func exactlyStationary<Shape: TaskShape>(_ e: TaskResidual, jacobian: UnsafeMutableBufferPointer<Double>,
                                                    _: Shape.Type) -> Bool {
        let n = jacobian.count / Shape.rows
        var gradient = 0.0, jnorm = 0.0
        for c in 0..<n {
            var g = 0.0
            for r in 0..<Shape.rows {
                let v = jacobian[r * n + c]
                g += v * e.components[r]
                jnorm += v * v
            }
            gradient += g * g
        }
        return gradient <= 1e-18 * jnorm * e.normSquared   // ‖Jᵀe‖ ≤ 1e-9·‖J‖·‖e‖, squared
    }

    /// One step along the most negative curvature of ½‖e‖² toward `target`, halving its length (from maxStep)
    /// until the error drops, within the limits. Returns false, q untouched, when there is no negative curvature.
    static func escape(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D, model: SolverModel,
                       trial: UnsafeMutableBufferPointer<Double>) -> Bool {
        let n = q.count
        let current = Array(q)
        let objective = ErrorObjective(arm: model.arm, target: target, task: model.task, reference: current)
        let h = hessian(objective, at: current)
        let (value, direction) = SymmetricEigen.smallest(h)
        var scale = 0.0
        for i in 0..<h.rows { for j in 0..<h.columns { scale = max(scale, abs(h[i, j])) } }
        guard value < -1e-9 * max(scale, 1e-300) else { return false }
        let f0: Double = objective(current)
        var alpha = model.config.maxStep
        for _ in 0..<12 {
            for sign in [1.0, -1.0] {
                for i in 0..<n { trial[i] = current[i] + sign * alpha * direction[i] }
                if let limits = model.limits { for i in 0..<n { trial[i] = limits[i].clamp(trial[i]) } }
                let f: Double = objective(Array(trial))
                if f < f0 {
                    for i in 0..<n { q[i] = trial[i] }
                    return true
                }
            }
            alpha *= 0.5
        }
        return false
    }
}
