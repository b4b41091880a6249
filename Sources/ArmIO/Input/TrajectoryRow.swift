import ArmKit

/// One row of an armsim trajectory as `plot` needs it. `values` holds, in order, q0 … q{n-1}, error,
/// sigma_min, damping, iterations (NaN where the file has an empty field / null); it is reused from row to
/// row, so copy what you keep.
public struct TrajectoryRow {
    public var t: Double
    public var values: UnsafeMutableBufferPointer<Double>
    public var singular: Bool
    public var singularity: SingularityKind
    public var status: SolveStatus
}

/// The columns of an armsim trajectory, found from its CSV header or first JSON line.
public struct TrajectoryLayout: Sendable, Equatable {
    public var format: TrajectoryFormat
    public var jointCount: Int
    public var task: IKTask
    /// Series in `TrajectoryRow.values` order: "q0" … "q{n-1}", "error", "sigma_min", "damping", "iterations".
    public var seriesNames: [String] { (0..<jointCount).map { "q\($0)" } + ["error", "sigma_min", "damping", "iterations"] }

    public init(format: TrajectoryFormat, jointCount: Int, task: IKTask) {
        self.format = format; self.jointCount = jointCount; self.task = task
    }
}
