/// The closed range a revolute joint may take, radians.
public struct JointLimit: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public init(lower: Double, upper: Double) { self.lower = lower; self.upper = upper }

    public func clamp(_ q: Double) -> Double { min(max(q, lower), upper) }
    public func contains(_ q: Double) -> Bool { q >= lower && q <= upper }
}
