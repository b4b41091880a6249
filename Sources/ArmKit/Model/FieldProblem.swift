/// One problem with a model value, named by the field it concerns relative to that value (`links[2]`,
/// `radius`, `damping`). The scenario decoder prefixes the section (`arm.`, `path.`, `solver.`).
public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
    public var field: String
    public var message: String
    public init(field: String, message: String) { self.field = field; self.message = message }
    public var description: String { "\(field): \(message)" }
}
