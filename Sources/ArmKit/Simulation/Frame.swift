/// One simulated time step: what every sink (writer, window, summary) receives. The solve's outcome is the
/// embedded `SolveReport`; its fields are also readable on the frame itself.
public struct Frame: Sendable, Equatable {
    /// k, with t = k·dt.
    public var index: Int
    public var t: Double
    public var target: Pose2D
    /// Joint angles after the solve, radians.
    public var q: [Double]
    /// What the solve of this frame reported.
    public var report: SolveReport
    /// L, ‖∇L‖ and the curvature class at the solved q, when the run asks for them (`run --curvature`).
    public var curvature: FrameCurvature?

    public init(index: Int, t: Double, target: Pose2D, q: [Double], report: SolveReport, curvature: FrameCurvature? = nil) {
        self.index = index; self.t = t; self.target = target; self.q = q; self.report = report; self.curvature = curvature
    }

    /// A frame from the report's fields one by one (tests, and the window's frame before the first solve).
    public init(index: Int, t: Double, target: Pose2D, q: [Double], tip: Pose2D, error: Double,
                sigmaMin: Double, manipulability: Double, damping: Double, iterations: Int,
                singular: Bool, singularity: SingularityKind, status: SolveStatus) {
        var report = SolveReport()
        report.tip = tip; report.error = error; report.sigmaMin = sigmaMin; report.manipulability = manipulability
        report.damping = damping; report.iterations = iterations; report.singular = singular
        report.singularity = singularity; report.status = status
        self.init(index: index, t: t, target: target, q: q, report: report)
    }

    public var tip: Pose2D { get { report.tip } set { report.tip = newValue } }
    /// ‖e‖ after the solve (position error, plus the φ error for the pose task).
    public var error: Double { get { report.error } set { report.error = newValue } }
    public var sigmaMin: Double { get { report.sigmaMin } set { report.sigmaMin = newValue } }
    public var manipulability: Double { get { report.manipulability } set { report.manipulability = newValue } }
    /// λ used in the last iteration.
    public var damping: Double { get { report.damping } set { report.damping = newValue } }
    public var iterations: Int { get { report.iterations } set { report.iterations = newValue } }
    public var singular: Bool { get { report.singular } set { report.singular = newValue } }
    public var singularity: SingularityKind { get { report.singularity } set { report.singularity = newValue } }
    public var status: SolveStatus { get { report.status } set { report.status = newValue } }
    /// σ_max/σ_min at the solved q; nil where σ_min = 0.
    public var conditionNumber: Double? { report.conditionNumber }
    /// How many times this frame's solve left a saddle along negative curvature.
    public var saddleEscapes: Int { report.saddleEscapes }
}

extension Frame {
    /// Becomes a copy of `other`, reusing this frame's q storage (same joint count: no allocation).
    public mutating func assign(from other: borrowing Frame) {
        index = other.index
        t = other.t
        target = other.target
        report = other.report
        curvature = other.curvature
        if q.count == other.q.count {
            q.withUnsafeMutableBufferPointer { mine in
                other.q.withUnsafeBufferPointer { theirs in _ = mine.update(fromContentsOf: theirs) }
            }
        } else {
            q = other.q
        }
    }
}
