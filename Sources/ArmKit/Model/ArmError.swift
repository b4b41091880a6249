/// A problem with an arm's definition, named by the field it concerns (`links[2]`): the first of
/// `PlanarArm.problems(...)`, thrown by `PlanarArm.init`.
public struct ArmError: Error, Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public init(_ problem: FieldProblem) { self.init(field: problem.field, message: problem.message) }
    public var description: String { "\(field): \(message)" }
}
