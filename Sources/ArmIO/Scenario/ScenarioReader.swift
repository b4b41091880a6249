import ArmKit
/// Typed reading of parsed JSON that collects problems (with JSON paths) instead of stopping at the first.
struct ScenarioReader {
    /// At most this many problems are kept; the rest are counted (a fuzzed file can have millions).
    static let maxProblems = 100

    let file: String
    var problems: [ScenarioProblem] = []
    /// Every problem reported, kept or not.
    private(set) var count = 0

    init(file: String) { self.file = file }

    mutating func add(_ field: String, _ message: String, at location: JSONLocation?) {
        count += 1
        guard problems.count < Self.maxProblems else { return }
        problems.append(ScenarioProblem(file: file, field: field, message: message,
                                        line: location?.line, column: location?.column))
    }

    /// The kept problems, plus one line saying how many more there were.
    var allProblems: [ScenarioProblem] {
        guard count > problems.count else { return problems }
        return problems + [ScenarioProblem(file: file, field: "",
                                           message: "\(count - problems.count) more problems not shown")]
    }

    static func join(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

    // MARK: - Objects

    /// The members of an object, after reporting every key not in `allowed` as an unknown field.
    /// nil (with a problem) when `node` is not an object.
    mutating func object(_ node: JSONNode, _ field: String, allowed: [String]) -> Fields? {
        guard case .object(let members) = node.value else {
            add(field, "must be an object, got \(describe(node))", at: node.location)
            return nil
        }
        var byKey: [String: JSONMember] = [:]
        for member in members {
            byKey[member.key] = member
            if !allowed.contains(member.key) {
                add(Self.join(field, member.key), unknownFieldMessage(member.key, allowed: allowed), at: member.keyLocation)
            }
        }
        return Fields(path: field, location: node.location, members: byKey)
    }

    private func unknownFieldMessage(_ key: String, allowed: [String]) -> String {
        if let suggestion = NameSuggestion.closest(to: key, in: allowed) { return "unknown field (did you mean \"\(suggestion)\"?)" }
        return "unknown field (known fields: \(allowed.joined(separator: ", ")))"
    }

    // MARK: - Fields

    /// Reads `key` of `fields` with `convert` (which reports type problems itself).
    /// Missing: adds "missing required field" and returns nil.
    mutating func required<T>(_ fields: Fields, _ key: String,
                              _ convert: (inout ScenarioReader, JSONNode, String) -> T?) -> T? {
        let field = Self.join(fields.path, key)
        guard let member = fields.members[key] else {
            add(field, "missing required field", at: fields.location)
            return nil
        }
        return convert(&self, member.value, field)
    }

    /// Reads `key` of `fields`: `.missing`, `.invalid` (a problem was added) or the value.
    mutating func optional<T>(_ fields: Fields, _ key: String,
                              _ convert: (inout ScenarioReader, JSONNode, String) -> T?) -> Read<T> {
        guard let member = fields.members[key] else { return .missing }
        guard let value = convert(&self, member.value, Self.join(fields.path, key)) else { return .invalid }
        return .value(value)
    }

    // MARK: - Converters: each reports its own problem and returns nil on failure.

    static func number(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> Double? {
        guard case .number(let n) = node.value else {
            r.add(field, "must be a number, got \(r.describe(node))", at: node.location)
            return nil
        }
        guard n.value.isFinite else {
            r.add(field, "must be a finite number, got \(n.literal)", at: node.location)
            return nil
        }
        return n.value
    }

    /// A whole number (2, 2.0 and 2e0 are all 2; 2.5 is not) that fits comfortably in an Int.
    static func integer(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> Int? {
        guard let v = number(&r, node, field) else { return nil }
        guard v == v.rounded(), abs(v) <= 1e15 else {
            r.add(field, "must be an integer, got \(formatNumber(v))", at: node.location)
            return nil
        }
        return Int(v)
    }

    static func bool(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> Bool? {
        guard case .bool(let b) = node.value else {
            r.add(field, "must be true or false, got \(r.describe(node))", at: node.location)
            return nil
        }
        return b
    }

    static func string(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> String? {
        guard case .string(let s) = node.value else {
            r.add(field, "must be a string, got \(r.describe(node))", at: node.location)
            return nil
        }
        return s
    }

    /// A string from a fixed set.
    static func oneOf(_ allowed: [String]) -> (inout ScenarioReader, JSONNode, String) -> String? {
        { r, node, field in
            guard let s = string(&r, node, field) else { return nil }
            guard allowed.contains(s) else {
                let hint = NameSuggestion.closest(to: s, in: allowed).map { " (did you mean \"\($0)\"?)" } ?? ""
                r.add(field, "must be one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")), got \(quoted(s))\(hint)",
                      at: node.location)
                return nil
            }
            return s
        }
    }

    /// An array, each element read with `element`; nil elements are the ones that failed.
    static func array<T>(_ element: @escaping (inout ScenarioReader, JSONNode, String) -> T?)
        -> (inout ScenarioReader, JSONNode, String) -> [T?]? {
        { r, node, field in
            guard case .array(let items) = node.value else {
                r.add(field, "must be an array, got \(r.describe(node))", at: node.location)
                return nil
            }
            var out: [T?] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { out.append(element(&r, item, "\(field)[\(i)]")) }
            return out
        }
    }

    /// Exactly two numbers, `[a, b]`; `what` names them in the message ("[x, y]", "[min, max]").
    static func pair(_ what: String) -> (inout ScenarioReader, JSONNode, String) -> (Double, Double)? {
        { r, node, field in
            guard case .array(let items) = node.value else {
                r.add(field, "must be an array \(what) of 2 numbers, got \(r.describe(node))", at: node.location)
                return nil
            }
            guard items.count == 2 else {
                r.add(field, "must be an array \(what) of 2 numbers, got \(items.count) value\(items.count == 1 ? "" : "s")",
                      at: node.location)
                return nil
            }
            let a = number(&r, items[0], "\(field)[0]")
            let b = number(&r, items[1], "\(field)[1]")
            guard let a, let b else { return nil }
            return (a, b)
        }
    }

    static func point(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> Point2D? {
        pair("[x, y]")(&r, node, field).map { Point2D(x: $0.0, y: $0.1) }
    }

    // MARK: - Messages

    /// How a value is named in "got …": `string "a"`, `true`, `null`, `an array`, `an object`, or the number.
    func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n.literal
        case .string(let s): return "string \(quoted(s))"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// The outcome of reading an optional field.
enum Read<T> {
    case missing
    /// A problem has been reported.
    case invalid
    case value(T)

    /// The value, `fallback` when missing, nil when invalid.
    func or(_ fallback: T) -> T? {
        switch self {
        case .missing: return fallback
        case .invalid: return nil
        case .value(let v): return v
        }
    }

    var isPresent: Bool { if case .missing = self { return false } else { return true } }
}

/// An object's members by key, with its JSON path and where it starts.
struct Fields {
    let path: String
    let location: JSONLocation
    let members: [String: JSONMember]

    func has(_ key: String) -> Bool { members[key] != nil }

    /// Where the value of `key` is, or the object itself when absent.
    func location(of key: String) -> JSONLocation { members[key]?.value.location ?? location }
}
