import Foundation
import Testing

/// Bad scenario files: a non-zero exit, a message naming the file and the field, and no output file.
@Suite struct BadScenarioTests {
    static let valid = """
    {"arm": {"links": [1.0, 0.8, 0.6]}, "path": {"type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4.0},
     "simulation": {"dt": 0.01, "duration": 1.0}}
    """

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var json: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "negative link", json: valid.replacingOccurrences(of: "[1.0, 0.8, 0.6]", with: "[1.0, 0.8, -1]"),
             expected: "arm.links[2]: must be > 0, got -1"),
        Case(name: "empty links", json: valid.replacingOccurrences(of: "[1.0, 0.8, 0.6]", with: "[]"), expected: "arm.links"),
        Case(name: "string link", json: valid.replacingOccurrences(of: "[1.0, 0.8, 0.6]", with: "[1.0, \"a\", 0.6]"), expected: "arm.links[1]"),
        Case(name: "unknown field", json: valid.replacingOccurrences(of: "\"arm\": {", with: "\"arm\": {\"lims\": 1, "), expected: "arm.lims"),
        Case(name: "unknown top-level field", json: valid.replacingOccurrences(of: "{\"arm\"", with: "{\"speed\": 2, \"arm\""), expected: "speed"),
        Case(name: "missing simulation", json: """
            {"arm": {"links": [1.0]}, "path": {"type": "circle", "center": [0.5, 0], "radius": 0.1, "period": 1}}
            """, expected: "simulation"),
        Case(name: "missing links", json: valid.replacingOccurrences(of: "\"links\": [1.0, 0.8, 0.6]", with: "\"base\": [0, 0]"), expected: "arm.links"),
        Case(name: "zero dt", json: valid.replacingOccurrences(of: "\"dt\": 0.01", with: "\"dt\": 0"), expected: "simulation.dt"),
        Case(name: "negative duration", json: valid.replacingOccurrences(of: "\"duration\": 1.0", with: "\"duration\": -1"), expected: "simulation.duration"),
        Case(name: "too many frames", json: valid.replacingOccurrences(of: "\"duration\": 1.0", with: "\"duration\": 1e12"), expected: "simulation"),
        Case(name: "overflowing number", json: valid.replacingOccurrences(of: "\"radius\": 0.5", with: "\"radius\": 1e400"), expected: "path.radius"),
        Case(name: "NaN literal", json: valid.replacingOccurrences(of: "\"radius\": 0.5", with: "\"radius\": NaN"), expected: "bad.json:1:96: NaN and Infinity are not JSON: numbers must be finite"),
        Case(name: "initial wrong length", json: valid.replacingOccurrences(of: "\"links\": [1.0, 0.8, 0.6]", with: "\"links\": [1.0, 0.8, 0.6], \"initial\": [0, 0]"), expected: "arm.initial"),
        Case(name: "limit min > max", json: valid.replacingOccurrences(of: "\"links\": [1.0, 0.8, 0.6]", with: "\"links\": [1.0, 0.8, 0.6], \"limits\": [[-1, 1], [2, 1], [-1, 1]]"), expected: "arm.limits[1]"),
        Case(name: "limits wrong length", json: valid.replacingOccurrences(of: "\"links\": [1.0, 0.8, 0.6]", with: "\"links\": [1.0, 0.8, 0.6], \"limits\": [[-1, 1]]"), expected: "arm.limits"),
        Case(name: "bad method", json: valid.replacingOccurrences(of: "\"simulation\"", with: "\"solver\": {\"method\": \"simplex\"}, \"simulation\""), expected: "solver.method"),
        Case(name: "bad task", json: valid.replacingOccurrences(of: "\"simulation\"", with: "\"task\": \"orientation\", \"simulation\""), expected: "task"),
        Case(name: "too many links", json: valid.replacingOccurrences(of: "[1.0, 0.8, 0.6]", with: "[" + Array(repeating: "0.01", count: 2000).joined(separator: ",") + "]"), expected: "arm.links"),
        Case(name: "malformed JSON", json: "{\"arm\": {\"links\": [1.0, 0.8,, 0.6]}}", expected: ":1:"),
        Case(name: "wrong type for arm", json: valid.replacingOccurrences(of: "\"arm\": {\"links\": [1.0, 0.8, 0.6]}", with: "\"arm\": [1, 2]"), expected: "arm"),
    ]

    @Test(arguments: cases)
    func rejectedWithFieldAndNoOutput(c: Case) throws {
        let dir = try CLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("bad.json")
        try c.json.write(to: scenario, atomically: true, encoding: .utf8)
        let output = dir.appendingPathComponent("out.csv")
        let result = try CLI.run(["run", scenario.path, "--headless", "--output", output.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.json"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains(c.expected), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.json"])
        // validate agrees.
        let validation = try CLI.run(["validate", scenario.path])
        #expect(validation.status == 2)
        #expect(validation.stderr.contains(c.expected))
    }

    @Test func missingFileIsReported() throws {
        let result = try CLI.run(["run", "/nonexistent/none.json", "--headless"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("none.json"))
    }
}
