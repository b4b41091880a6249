import ArmKit

/// One JSON Lines row of an armsim trajectory, through the strict JSON parser. The keys `t`, `target_x`,
/// `q`, `error`, `sigma_min`, `damping`, `iterations`, `singular`, `singularity` and `status` must be there;
/// `target_phi` marks the pose task; other keys are ignored.
enum JSONTrajectoryRow {
    static func layout(of bytes: [UInt8], path: String) throws(TrajectoryInputError) -> TrajectoryLayout {
        let members = try object(bytes, path: path, line: 1)
        guard members["t"] != nil, members["target_x"] != nil, case .array(let q)? = members["q"]?.value else {
            throw TrajectoryInputError(path: path, line: 1, "not an armsim trajectory: a JSON line needs the keys t, target_x and q (an array)")
        }
        guard !q.isEmpty else { throw TrajectoryInputError(path: path, line: 1, "field 'q': must have one angle per joint, got none") }
        return TrajectoryLayout(format: .jsonl, jointCount: q.count, task: members["target_phi"] != nil ? .pose : .position)
    }

    static func parse(_ bytes: [UInt8], layout: TrajectoryLayout, into row: inout TrajectoryRow, path: String,
                      line: Int) throws(TrajectoryInputError) {
        let m = try object(bytes, path: path, line: line)
        func number(_ key: String) throws(TrajectoryInputError) -> Double {
            switch m[key]?.value {
            case .number(let x)?: return x.value
            case .null?: return .nan
            case nil: throw TrajectoryInputError(path: path, line: line, "field '\(key)': missing")
            default: throw TrajectoryInputError(path: path, line: line, "field '\(key)': expected a number")
            }
        }
        func text(_ key: String) throws(TrajectoryInputError) -> String {
            guard case .string(let s)? = m[key]?.value else { throw TrajectoryInputError(path: path, line: line, "field '\(key)': expected a string") }
            return s
        }
        row.t = try number("t")
        guard row.t.isFinite else { throw TrajectoryInputError(path: path, line: line, "field 't': must be a finite number") }
        guard case .array(let q)? = m["q"]?.value, q.count == layout.jointCount else {
            throw TrajectoryInputError(path: path, line: line, "field 'q': expected an array of \(layout.jointCount) angles")
        }
        for (i, node) in q.enumerated() {
            guard case .number(let x) = node.value else { throw TrajectoryInputError(path: path, line: line, "field 'q[\(i)]': expected a number") }
            row.values[i] = x.value
        }
        let n = layout.jointCount
        for (k, key) in ["error", "sigma_min", "damping", "iterations"].enumerated() { row.values[n + k] = try number(key) }
        guard case .bool(let singular)? = m["singular"]?.value else { throw TrajectoryInputError(path: path, line: line, "field 'singular': expected true or false") }
        row.singular = singular
        guard let kind = SingularityKind(rawValue: try text("singularity")) else {
            throw TrajectoryInputError(path: path, line: line, "field 'singularity': expected none, boundary or interior")
        }
        row.singularity = kind
        guard let status = SolveStatus(rawValue: try text("status")) else {
            throw TrajectoryInputError(path: path, line: line, "field 'status': expected one of \(SolveStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        row.status = status
    }

    private static func object(_ bytes: [UInt8], path: String, line: Int) throws(TrajectoryInputError) -> [String: JSONNode] {
        let node: JSONNode
        do { node = try JSONParser.parse(bytes) } catch {
            throw TrajectoryInputError(path: path, line: line, "not valid JSON: \(error.message) (column \(error.location.column))")
        }
        guard case .object(let members) = node.value else { throw TrajectoryInputError(path: path, line: line, "expected a JSON object") }
        var out: [String: JSONNode] = [:]
        for member in members { out[member.key] = member.value }
        return out
    }
}
