extension SolverConfig {
    /// The largest value each setting accepts. With these (and the model's bounds) every product the solver
    /// forms (λ², ‖Δq‖², the null-space gradient step) stays finite and far from underflow.
    public enum Bounds {
        /// λ, metres: λ² up to 1e12 stays within the range of J Jᵀ's entries.
        public static let maxDamping: Double = 1e6
        /// Metres (radians for φ): a tolerance above every reach converges at once, nothing larger means more.
        public static let maxTolerance: Double = 1e6
        public static let maxIterations = 10_000
        /// Radians per iteration (Euclidean norm of Δq).
        public static let maxStep: Double = 100
        /// ε, metres per radian: above any σ of an arm within the model's bounds (1024 × 1e6 m).
        public static let maxSingularThreshold: Double = 1e10
        /// The null-space step is gain × the objective's gradient, added unclamped each iteration: above 1 the
        /// "rest" pull overshoots its rest pose and grows without bound.
        public static let maxNullSpaceGain: Double = 1
    }

    /// Every rule the settings break, by field name (`damping`, `maxStep`). The one place the solver settings'
    /// rules live; the scenario decoder reports these under `solver.`.
    public func problems() -> [FieldProblem] {
        var p = ProblemList()
        p.nonNegative(damping, "damping", maximum: Bounds.maxDamping, unit: "m")
        if method == .dls, damping == 0 {
            p.add("damping", "must be > 0 for method \"dls\" (no damping is the plain pseudo-inverse: use method \"pinv\"), got 0")
        }
        p.positive(tolerance, "tolerance", maximum: Bounds.maxTolerance)
        if maxIterations < 1 {
            p.add("maxIterations", "must be >= 1, got \(maxIterations)")
        } else if maxIterations > Bounds.maxIterations {
            p.add("maxIterations", "must be <= \(Bounds.maxIterations), got \(maxIterations)")
        }
        p.positive(maxStep, "maxStep", maximum: Bounds.maxStep, unit: "rad")
        if let singularThreshold {
            p.positive(singularThreshold, "singularThreshold", maximum: Bounds.maxSingularThreshold, unit: "m/rad")
        }
        p.nonNegative(nullSpaceGain, "nullSpaceGain", maximum: Bounds.maxNullSpaceGain)
        return p.problems
    }
}
