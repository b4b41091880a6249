/// The damping λ of a DLS step.
public enum DampingSchedule {
    /// Fixed λ, or the variable schedule of Nakamura–Hanafusa / Chiaverini:
    /// λ² = (1 − (σ_min/ε)²) λ_max² when σ_min < ε, else 0. Continuous in σ_min, 0 away from singularities
    /// and λ_max at an exact singularity.
    @inlinable
    public static func lambda(sigmaMin: Double, threshold epsilon: Double, maximum: Double, variable: Bool) -> Double {
        guard variable else { return maximum }
        guard sigmaMin < epsilon, epsilon > 0 else { return 0 }
        let ratio = sigmaMin / epsilon
        return maximum * max(0, 1 - ratio * ratio).squareRoot()
    }
}
