import Foundation
import Testing

/// `armsim validate` end to end: every problem exactly once (issue 13: a link of 2e6 was reported twice, as
/// "2000000.0 m" and "2000000 m"), and the NaN scenarios of issue 16 refused with their field.
@Suite struct ValidateOnceTests {
    static func validate(_ json: String) throws -> CLIResult {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        var result = try CLI.run(["validate", file.path])
        result.stderr = result.stderr.replacingOccurrences(of: file.path, with: "s.json")
        return result
    }

    static func scenario(arm: String, solver: String = "{}", path: String? = nil) -> String {
        let p = path ?? #"{"type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4}"#
        return #"{"arm": \#(arm), "path": \#(p), "solver": \#(solver), "simulation": {"dt": 0.01, "duration": 1}}"#
    }

    static let summary = "armsim: error: 1 of 1 scenario file(s) invalid"

    @Test func aHugeLinkIsReportedOnce() throws {
        let result = try Self.validate(Self.scenario(arm: #"{"links": [1, 2e6, 0.5]}"#))
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n") == ["s.json: arm.links[1]: must be <= 1000000 m, got 2000000", "\(Self.summary)"])
    }

    @Test func severalBadArmFieldsAreEachReportedOnce() throws {
        let arm = #"{"links": [2e6, -1, 1e-300], "base": [0, 5e6], "initial": [1e308, 0, 0], "limits": [[-1e308, 1], [0, 1], [2, 1]]}"#
        let result = try Self.validate(Self.scenario(arm: arm))
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").map(String.init) == [
            "s.json: arm.links[0]: must be <= 1000000 m, got 2000000",
            "s.json: arm.links[1]: must be > 0, got -1",
            "s.json: arm.links[2]: must be >= 1e-6 m, got 1e-300",
            "s.json: arm.base: coordinates must be within ±1000000 m, got [0, 5000000]",
            "s.json: arm.limits[0]: must be within ±1000 rad, got [-1e+308, 1]",
            "s.json: arm.limits[2]: min must be <= max, got [2, 1]",
            "s.json: arm.initial[0]: must be within ±1000 rad, got 1e+308",
            Self.summary,
        ])
    }

    @Test func theNaNScenariosOfIssue16AreRefused() throws {
        let cases: [(String, String)] = [
            (Self.scenario(arm: #"{"links": [1, 0.8, 0.6], "initial": [1e308, 1e308, 1e308]}"#), "arm.initial[2]: must be within ±1000 rad, got 1e+308"),
            (Self.scenario(arm: #"{"links": [1, 0.8, 0.6, 0.4], "limits": [[-1e308, 1], [-1, 1], [-1, 1], [-1, 1]]}"#, solver: #"{"nullSpace": "limits"}"#),
             "arm.limits[0]: must be within ±1000 rad, got [-1e+308, 1]"),
            (Self.scenario(arm: #"{"links": [1, 0.8, 0.6, 0.4]}"#, solver: #"{"nullSpace": "rest", "nullSpaceGain": 1e155}"#),
             "solver.nullSpaceGain: must be <= 1, got 1e+155"),
        ]
        for (json, line) in cases {
            let result = try Self.validate(json)
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").last == Substring(Self.summary))
            #expect(result.stderr.contains("s.json: \(line)\n"), "\(result.stderr)")
        }
    }
}
