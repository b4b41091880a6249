/// A problem reading a trajectory file: one line naming the file, the line and the field.
public struct TrajectoryInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based; 0 when the problem is with the file as a whole.
    public var line: Int
    public var message: String

    public init(path: String, line: Int, _ message: String) {
        self.path = path; self.line = line; self.message = message
    }

    public var description: String { line > 0 ? "\(path): line \(line): \(message)" : "\(path): \(message)" }
}
