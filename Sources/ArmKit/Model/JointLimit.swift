/// The closed range a revolute joint may take, radians.
public struct JointLimit: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }

    public func clamp(_ q: Double) -> Double { min(max(q, lower), upper) }
    public func contains(_ q: Double) -> Bool { q >= lower && q <= upper }

    /// Every rule a limit breaks, under `field`: both ends finite and within ±`ModelBounds.maxAngle`
    /// (so mid-points and ranges stay exact), lower <= upper.
    public func problems(field: String) -> [FieldProblem] {
        let pair = "[\(formatNumber(lower)), \(formatNumber(upper))]"
        guard lower.isFinite, upper.isFinite else {
            return [FieldProblem(field: field, message: "must be finite, got \(pair)")]
        }
        let m = ModelBounds.maxAngle
        if abs(lower) > m || abs(upper) > m {
            return [FieldProblem(field: field, message: "must be within ±\(formatNumber(m)) rad, got \(pair)")]
        }
        if lower > upper { return [FieldProblem(field: field, message: "min must be <= max, got \(pair)")] }
        return []
    }
}
