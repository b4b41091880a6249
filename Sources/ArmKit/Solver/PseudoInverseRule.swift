/// The Moore–Penrose pseudo-inverse, Δq = J⁺e (λ = 0): Gauss–Newton on ½‖e‖². Within ε of a singularity it
/// refuses to step, and the solve reports `failed`.
struct PseudoInverseRule: StepRule {
    var refusesWhenUnsolvable: Bool { true }

    @inline(__always)
    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double? {
        gram.smallestEigenvalueIsAtLeast(model.threshold * model.threshold) ? 0 : nil
    }

    @inline(__always)
    func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                lambda: Double, model: SolverModel, workspace: SolverWorkspace, _: Shape.Type) -> Double? {
        MinimumNormStep.step(q, sweep: sweep, residual: e, lambda: lambda, model: model, workspace: workspace, Shape.self)
    }
}
