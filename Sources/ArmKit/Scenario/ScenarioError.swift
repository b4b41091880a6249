/// One problem with a scenario file.
///
/// `field` is the JSON path of the value concerned (`arm.links[2]`, `simulation.dt`, `path.radius`); it is
/// empty when the problem is not about one field (an unreadable file, malformed JSON). `line` and `column`
/// (1-based) say where in the file, when known.
public struct ScenarioProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var field: String
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(file: String, field: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.file = file; self.field = field; self.message = message; self.line = line; self.column = column
    }

    /// `circle.json: arm.links[2]: must be > 0, got -1` for a field;
    /// `circle.json:4:17: expected ',' or '}' after object member` for malformed JSON;
    /// `circle.json: cannot read file: No such file or directory` otherwise.
    public var description: String {
        if !field.isEmpty { return "\(file): \(field): \(message)" }
        if let line, let column { return "\(file):\(line):\(column): \(message)" }
        return "\(file): \(message)"
    }
}

/// Why a scenario could not be loaded: every problem found, in file order as far as possible.
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [ScenarioProblem]
    public init(problems: [ScenarioProblem]) { self.problems = problems }
    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
