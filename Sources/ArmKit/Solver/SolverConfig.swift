/// Which IK method a scenario asks for.
public enum SolverMethod: String, Sendable, Equatable, CaseIterable {
    /// Damped least squares: Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e.
    case dls
    /// Plain Moore–Penrose pseudo-inverse (λ = 0): Gauss–Newton on ½‖e‖². Refuses to step at a singularity.
    case pinv
    /// Levenberg–Marquardt: Sugihara's error-scaled damping with its scale adapted by the gain ratio.
    case lm
    /// Saddle-free Newton on the full Hessian of ½‖e‖² (nested AD), eigenvalues replaced by their magnitudes.
    case newton
    /// Steepest descent on ½‖e‖² with Armijo backtracking: the baseline that shows the canyon.
    case gradient
}

/// A secondary objective for redundant arms, projected into the null space of J.
public enum NullSpaceObjective: String, Sendable, Equatable, CaseIterable {
    case none
    /// Pull toward the arm's initial ("rest") configuration.
    case rest
    /// Keep joints away from their limits.
    case limits
    /// Climb the gradient of manipulability √det(J Jᵀ).
    case manipulability
}

/// Solver settings; every field has the default the README documents.
public struct SolverConfig: Sendable, Equatable {
    public var method: SolverMethod = .dls
    /// λ itself (not λ²), metres. With variable damping this is λ_max.
    public var damping: Double = 0.05
    /// σ_min-gated damping: λ² = (1 − (σ_min/ε)²) λ_max² when σ_min < ε, else 0.
    public var variableDamping: Bool = true
    /// Converged when ‖e‖ < tolerance (metres; radians for the φ row of the pose task).
    public var tolerance: Double = 1e-6
    public var maxIterations: Int = 50
    /// Largest joint step per iteration, radians (Euclidean norm of Δq).
    public var maxStep: Double = 0.3
    /// ε: singular when σ_min < ε. nil means `SingularityAnalysis.defaultThreshold(for:)`.
    public var singularThreshold: Double? = nil
    public var nullSpace: NullSpaceObjective = .none
    /// Gain of the null-space objective's gradient step.
    public var nullSpaceGain: Double = 0.1

    public init() {}

    public func singularThreshold(for arm: PlanarArm) -> Double {
        singularThreshold ?? SingularityAnalysis.defaultThreshold(for: arm)
    }
}
