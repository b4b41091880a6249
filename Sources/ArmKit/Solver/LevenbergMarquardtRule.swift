/// Levenberg–Marquardt: Δq = (JᵀJ + λ²I)⁻¹ Jᵀe = Jᵀ (J Jᵀ + λ²I)⁻¹ e (the same O(n) closed form as DLS), with
/// λ² = μ·(E + w̄), E = ½‖e‖²: Sugihara's damping (2011). It is proportional to the error, so it fades as the solve
/// converges (Yamashita–Fukushima: quadratic convergence even at a singular solution), and w̄ > 0 keeps it
/// positive; Chan's λE has no floor and Wampler's constant λ slows every solve. ‖Δq‖ ≤ ‖e‖/(2λ) ≤ 1/√(2μ)
/// keeps the step bounded at a singularity. The scale μ follows the gain ratio ρ = actual/predicted decrease of
/// ‖e‖² (Nielsen's rule: μ·max(⅓, 1 − (2ρ − 1)³) on success, μ·ν with ν doubling on failure).
struct LevenbergMarquardtRule: StepRule {
    var mu = 1.0
    var nu = 2.0
    var refusesWhenUnsolvable: Bool { false }
    var observesGain: Bool { true }
    var armijo: Double { 1e-4 }

    /// w̄: (0.1% of the reach)², small beside any J Jᵀ of a regular configuration.
    static func floor(_ model: SolverModel) -> Double { let r = 1e-3 * model.arm.reach; return r * r }

    @inline(__always)
    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double? {
        (mu * (0.5 * e.normSquared + Self.floor(model))).squareRoot()
    }

    mutating func observe(actual: Double, predicted: Double) {
        let rho = predicted > 0 ? actual / predicted : -1
        if rho > 0 {
            let t = 2 * rho - 1
            mu *= max(1.0 / 3, 1 - t * t * t)
            nu = 2
        } else {
            mu *= nu
            nu *= 2
        }
        mu = min(max(mu, 1e-9), 1e9)
    }

    @inline(__always)
    mutating func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                         lambda: Double, model: SolverModel, workspace: SolverWorkspace,
                                         _: Shape.Type) -> Double? {
        MinimumNormStep.step(q, sweep: sweep, residual: e, lambda: lambda, model: model, workspace: workspace, Shape.self)
    }
}
