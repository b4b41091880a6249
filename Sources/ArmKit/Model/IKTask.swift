/// What the IK solver drives to the target: the tip position (2 rows) or position and orientation (3 rows).
public enum IKTask: String, Sendable, Equatable, CaseIterable {
    case position
    case pose

    public var dimension: Int { self == .position ? 2 : 3 }
}
