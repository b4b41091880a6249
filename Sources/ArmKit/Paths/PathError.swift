/// One problem with a path's parameters, named by the field it concerns relative to the path object
/// (`radius`, `points[2]`, `durations`). The scenario loader prefixes it with `path.`.
public struct PathProblem: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public var description: String { "\(field): \(message)" }
}

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
    public static let maxCoordinate: Double = 1e6
    /// The most points a `WaypointPath` may have.
    public static let maxWaypoints = 10_000
}

/// Collects problems while a path's initializer checks its parameters; the rules live here once.
struct PathProblemList {
    var problems: [PathProblem] = []

    mutating func add(_ field: String, _ message: String) {
        problems.append(PathProblem(field: field, message: message))
    }

    func throwIfAny() throws(PathError) {
        if !problems.isEmpty { throw PathError(problems: problems) }
    }

    /// A finite point with both coordinates within ±`PathLimits.maxCoordinate`.
    mutating func point(_ p: Point2D, _ field: String) {
        guard p.x.isFinite, p.y.isFinite else {
            add(field, "must be finite, got [\(formatNumber(p.x)), \(formatNumber(p.y))]")
            return
        }
        let m = PathLimits.maxCoordinate
        if abs(p.x) > m || abs(p.y) > m {
            add(field, "coordinates must be within ±\(formatNumber(m)) m, got [\(formatNumber(p.x)), \(formatNumber(p.y))]")
        }
    }

    /// A finite length in (0, maxCoordinate] (or [0, maxCoordinate] when `allowZero`).
    mutating func length(_ v: Double, _ field: String, allowZero: Bool = false) {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if allowZero {
            guard v >= 0 else { add(field, "must be >= 0, got \(formatNumber(v))"); return }
        } else {
            guard v > 0 else { add(field, "must be > 0, got \(formatNumber(v))"); return }
        }
        if v > PathLimits.maxCoordinate {
            add(field, "must be <= \(formatNumber(PathLimits.maxCoordinate)) m, got \(formatNumber(v))")
        }
    }

    /// A finite value > 0.
    mutating func positive(_ v: Double, _ field: String) {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if !(v > 0) { add(field, "must be > 0, got \(formatNumber(v))") }
    }

    /// A finite value >= 0.
    mutating func nonNegative(_ v: Double, _ field: String) {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if !(v >= 0) { add(field, "must be >= 0, got \(formatNumber(v))") }
    }

    mutating func finite(_ v: Double, _ field: String) {
        if !v.isFinite { add(field, "must be a finite number, got \(formatNumber(v))") }
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
