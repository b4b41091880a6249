/// One problem with a path's parameters, named by the field it concerns relative to the path object
/// (`radius`, `points[2]`, `durations`). The scenario loader prefixes it with `path.`.
public typealias PathProblem = FieldProblem

/// Every problem found with a path's parameters (not just the first).
public struct PathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [PathProblem]
    public init(problems: [PathProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// Bounds every path enforces, so that `target(at:)` stays finite for every finite time.
public enum PathLimits {
    /// The largest |coordinate|, radius or amplitude a path accepts, metres (1000 km). With every input
    /// this small, no sum or product in `target(at:)` can overflow.
    public static let maxCoordinate: Double = ModelBounds.maxLength
    /// The most points a `WaypointPath` may have.
    public static let maxWaypoints = 10_000
}

extension ProblemList {
    func throwIfAny() throws(PathError) {
        if !problems.isEmpty { throw PathError(problems: problems) }
    }
}

/// The fraction of a cycle elapsed at `cycles` (any sign), in [0, 1); 0 when `cycles` is not finite
/// (an overflowed product: past 2^53 cycles the phase carries no information anyway).
@inline(__always)
func cycleFraction(_ cycles: Double) -> Double {
    guard cycles.isFinite else { return 0 }
    let f = cycles - cycles.rounded(.down)
    return f < 1 ? f : 0
}

/// The fraction of a period elapsed at time t, in [0, 1), computed with an exact remainder so it stays
/// accurate for large t and never overflows (t / period could).
@inline(__always)
func periodFraction(_ t: Double, period: Double) -> Double {
    guard t.isFinite, period.isFinite, period > 0 else { return 0 }
    if t >= 0 && t < period { return t / period }   // the first period needs no remainder (the same value)
    var r = t.truncatingRemainder(dividingBy: period)
    if r < 0 { r += period }
    let f = r / period
    return f < 1 ? f : 0
}
