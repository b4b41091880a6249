/// Damped least squares: Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e, with fixed λ or the σ_min-gated variable schedule
/// (`DampingSchedule`) capped at μ‖e‖ (`SolverModel.errorScaledDampingCap`).
struct DampedLeastSquaresRule: StepRule {
    var refusesWhenUnsolvable: Bool { false }

    @inline(__always)
    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double? {
        guard model.config.variableDamping else { return model.config.damping }
        // Away from singularities (the common case) no eigenvalue is computed: λ_min(J Jᵀ) ≥ ε² means σ_min ≥ ε.
        guard !gram.smallestEigenvalueIsAtLeast(model.threshold * model.threshold) else { return 0 }
        let lambda = DampingSchedule.lambda(sigmaMin: gram.minEigenvalue.squareRoot(), threshold: model.threshold,
                                            maximum: model.config.damping, variable: true)
        return min(lambda, model.errorScaledDampingCap * e.norm)
    }

    @inline(__always)
    func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                lambda: Double, model: SolverModel, workspace: SolverWorkspace, _: Shape.Type) -> Double? {
        MinimumNormStep.step(q, sweep: sweep, residual: e, lambda: lambda, model: model, workspace: workspace, Shape.self)
    }
}
