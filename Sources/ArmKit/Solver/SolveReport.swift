/// What one IK solve reports.
public struct SolveReport: Sendable, Equatable {
    public var iterations: Int = 0
    /// ‖e‖ at the end: position error (metres), plus the φ error (radians) for the pose task.
    public var error: Double = 0
    /// The tip pose at the solved q (φ wrapped to (−π, π]), from the solver's last kinematics pass.
    public var tip = Pose2D(x: 0, y: 0)
    public var sigmaMin: Double = 0
    /// σ_max/σ_min of J at the solved q; nil where σ_min = 0 (infinite).
    public var conditionNumber: Double? = nil
    public var manipulability: Double = 0
    /// λ used in the last iteration (not λ²).
    public var damping: Double = 0
    public var singular: Bool = false
    public var singularity: SingularityKind = .none
    public var status: SolveStatus = .stalled
    /// The largest joint step (Euclidean norm, radians) taken in this solve.
    public var largestStep: Double = 0
    /// How many times the solver left a saddle of ½‖e‖² along negative curvature.
    public var saddleEscapes: Int = 0

    public init() {}
}
