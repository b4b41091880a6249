/// One query of `inspect --stdin` / `solve --stdin`: a JSON object `{"q": [...], "target": [...]}` on one line,
/// parsed by the strict scenario parser (duplicate keys, bad UTF-8 and overflowing numbers are errors).
/// Either key may be absent (the command supplies a default or reports what is missing); any other key is an
/// error, as in scenario files.
public struct QueryLine: Sendable, Equatable {
    public var q: [Double]?
    public var target: [Double]?

    public init(q: [Double]? = nil, target: [Double]? = nil) { self.q = q; self.target = target }

    /// Parses one line (without its newline). The error message names the key and index, or the column.
    public static func parse(_ bytes: [UInt8]) throws(QueryLineError) -> QueryLine {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw QueryLineError(message: "column \(error.location.column): \(error.message)")
        }
        guard case let .object(members) = root.value else {
            throw QueryLineError(message: "expected a JSON object {\"q\": [...], \"target\": [...]}")
        }
        var line = QueryLine()
        for member in members {
            switch member.key {
            case "q": line.q = try numbers(member.value, key: "q")
            case "target": line.target = try numbers(member.value, key: "target")
            default: throw QueryLineError(message: "\(quoted(member.key)): unknown key (expected \"q\" or \"target\")")
            }
        }
        return line
    }

    private static func numbers(_ node: JSONNode, key: String) throws(QueryLineError) -> [Double] {
        guard case let .array(items) = node.value else { throw QueryLineError(message: "\(key): expected an array of numbers") }
        var values: [Double] = []
        values.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            guard case let .number(n) = item.value else { throw QueryLineError(message: "\(key)[\(i)]: expected a number") }
            guard n.value.isFinite else { throw QueryLineError(message: "\(key)[\(i)]: must be a finite number, got \(n.literal)") }
            values.append(n.value)
        }
        return values
    }
}

public struct QueryLineError: Error, Sendable, Equatable {
    public var message: String
}
