/// Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e, the least-norm step both DLS (λ > 0) and the pseudo-inverse (λ = 0) take. J Jᵀ is
/// 2×2 or 3×3 and solved in closed form, so the step is O(n). With λ > 0 it obeys ‖Δq‖ ≤ ‖e‖ / (2λ): bounded
/// even at an exact singularity.
enum MinimumNormStep {
    @inline(__always)
    static func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                       lambda: Double, model: SolverModel, workspace ws: SolverWorkspace,
                                       _: Shape.Type) -> Double? {
        guard let w = sweep.gram.solve(shift: lambda * lambda, e.components) else { return nil }
        if model.isFree { return applyTranspose(w, ws, moving: q, Shape.self) }
        for i in 0..<q.count { ws.backup[i] = q[i] }
        let normSquared = applyTranspose(w, ws, Shape.self)
        guard let activeSet = ws.activeSet,
              activeSet.mark(q, jacobian: ws.jacobian, residual: e, Shape.self) else { return normSquared }
        activeSet.removeFrozenColumns(from: ws.jacobian, Shape.self)
        let reduced = SmallSymmetric(gramOf: ws.jacobian, rows: Shape.rows, columns: q.count)
        // Freezing columns can leave J Jᵀ rank-deficient (one free joint for a 2-row task): a damping floor far
        // below ε keeps the closed-form inverse from amplifying rounding into a garbage step.
        let floor = 0.01 * model.threshold
        guard let w2 = reduced.solve(shift: max(lambda * lambda, floor * floor), e.components) else {
            for i in 0..<q.count { ws.step[i] = 0 }   // every useful joint is pinned: nothing to do
            return 0
        }
        return applyTranspose(w2, ws, Shape.self)   // frozen columns are zero, so frozen joints get a zero step
    }

    /// step = Jᵀw; returns ‖step‖² from the same pass. With `q`, the same pass also saves q in `backup` and
    /// adds the step to it.
    @inline(__always)
    static func applyTranspose<Shape: TaskShape>(_ w: SIMD3<Double>, _ ws: SolverWorkspace,
                                                 moving q: UnsafeMutableBufferPointer<Double>? = nil,
                                                 _: Shape.Type) -> Double {
        let jacobian = ws.jacobian, step = ws.step, backup = ws.backup
        let n = step.count
        let w0 = w[0], w1 = w[1], w2 = w[2]
        var normSquared = 0.0
        for c in 0..<n {
            var v = jacobian[c] * w0 + jacobian[n + c] * w1
            if Shape.hasAngleRow { v += jacobian[2 * n + c] * w2 }
            step[c] = v
            normSquared += v * v
            if let q { backup[c] = q[c]; q[c] += v }
        }
        return normSquared
    }
}
