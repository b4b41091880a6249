/// One simulated time step: what every sink (writer, window, summary) receives.
public struct Frame: Sendable, Equatable {
    /// k, with t = k·dt.
    public var index: Int
    public var t: Double
    public var target: Pose2D
    /// Joint angles after the solve, radians.
    public var q: [Double]
    public var tip: Pose2D
    /// ‖e‖ after the solve (position error, plus the φ error for the pose task).
    public var error: Double
    public var sigmaMin: Double
    public var manipulability: Double
    /// λ used in the last iteration.
    public var damping: Double
    public var iterations: Int
    public var singular: Bool
    public var singularity: SingularityKind
    public var status: SolveStatus

    public init(index: Int, t: Double, target: Pose2D, q: [Double], tip: Pose2D, error: Double,
                sigmaMin: Double, manipulability: Double, damping: Double, iterations: Int,
                singular: Bool, singularity: SingularityKind, status: SolveStatus) {
        self.index = index; self.t = t; self.target = target; self.q = q; self.tip = tip; self.error = error
        self.sigmaMin = sigmaMin; self.manipulability = manipulability; self.damping = damping
        self.iterations = iterations; self.singular = singular; self.singularity = singularity; self.status = status
    }
}
