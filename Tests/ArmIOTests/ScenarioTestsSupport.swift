import Testing
@testable import ArmIO
import ArmKit

/// Helpers shared by the scenario test files.
enum ScenarioFixture {
    /// The package root, found from this file's path.
    static var root: String {
        var path = "\(#filePath)"
        for _ in 0..<3 {
            guard let slash = path.lastIndex(of: "/") else { break }
            path = String(path[..<slash])
        }
        return path
    }

    static let shipped = ["circle", "line", "figure8", "waypoints", "full-extension", "unreachable", "redundant", "pose"]

    static func scenarioPath(_ name: String) -> String { "\(root)/scenarios/\(name).json" }

    /// A valid scenario with any section replaced. Pass the JSON text of the section (without its key),
    /// or nil to leave the section out; `extra` is appended as more top-level members.
    static func json(
        arm: String? = #"{ "links": [1.0, 0.8, 0.6], "initial": [0.1, 0.2, 0.3], "limits": [[-3, 3], [-2.5, 2.5], [-2.5, 2.5]] }"#,
        task: String? = nil,
        path: String? = #"{ "type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4 }"#,
        solver: String? = nil,
        simulation: String? = #"{ "dt": 0.01, "duration": 2 }"#,
        extra: String = ""
    ) -> String {
        var members: [String] = []
        if let arm { members.append(#""arm": \#(arm)"#) }
        if let task { members.append(#""task": \#(task)"#) }
        if let path { members.append(#""path": \#(path)"#) }
        if let solver { members.append(#""solver": \#(solver)"#) }
        if let simulation { members.append(#""simulation": \#(simulation)"#) }
        if !extra.isEmpty { members.append(extra) }
        return "{\n  " + members.joined(separator: ",\n  ") + "\n}\n"
    }

    static func decode(_ text: String, file: String = "test.json") -> Result<Scenario, ScenarioError> {
        do throws(ScenarioError) {
            return .success(try ScenarioLoader.decode(Array(text.utf8), fileName: file))
        } catch {
            return .failure(error)
        }
    }

    /// The problems a scenario text produces ([] when it loads).
    static func problems(_ text: String, file: String = "test.json") -> [ScenarioProblem] {
        switch decode(text, file: file) {
        case .success: return []
        case .failure(let error): return error.problems
        }
    }

    /// The "field: message" lines a scenario text produces.
    static func lines(_ text: String) -> [String] {
        problems(text).map { $0.field.isEmpty ? $0.message : "\($0.field): \($0.message)" }
    }

    static func load(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Scenario? {
        switch decode(text) {
        case .success(let s): return s
        case .failure(let e):
            Issue.record("expected the scenario to load, got:\n\(e)", sourceLocation: sourceLocation)
            return nil
        }
    }
}
