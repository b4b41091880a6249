import Testing
@testable import ArmIO
import ArmKit

private typealias F = ScenarioFixture

private func circle(_ extra: String) -> String {
    #"{ "type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4\#(extra) }"#
}

/// The bounds that keep every valid scenario's arithmetic finite: each breach is exactly one line.
private let boundCases: [(String, String, String)] = [
    ("huge link", F.json(arm: #"{ "links": [1, 2e6] }"#), "arm.links[1]: must be <= 1000000 m, got 2000000"),
    ("tiny link", F.json(arm: #"{ "links": [1, 1e-300] }"#), "arm.links[1]: must be >= 1e-6 m, got 1e-300"),
    ("huge initial", F.json(arm: #"{ "links": [1, 1, 1], "initial": [1e308, 1e308, 0] }"#),
     "arm.initial[0]: must be within ±1000 rad, got 1e+308\narm.initial[1]: must be within ±1000 rad, got 1e+308"),
    ("initial past the bound", F.json(arm: #"{ "links": [1], "initial": [-1000.5] }"#),
     "arm.initial[0]: must be within ±1000 rad, got -1000.5"),
    ("huge limit", F.json(arm: #"{ "links": [1, 1], "limits": [[-1e308, 1], [-1, 1]] }"#),
     "arm.limits[0]: must be within ±1000 rad, got [-1e+308, 1]"),
    ("huge orientation", F.json(task: #""pose""#, path: circle(#", "orientation": 1e12"#)),
     "path.orientation: must be within ±1000 rad, got 1000000000000"),
    ("huge phase", F.json(path: circle(#", "phase": -2e3"#)), "path.phase: must be within ±1000 rad, got -2000"),
    ("huge damping", F.json(solver: #"{ "damping": 1e300 }"#), "solver.damping: must be <= 1000000 m, got 1e+300"),
    ("huge tolerance", F.json(solver: #"{ "tolerance": 1e7 }"#), "solver.tolerance: must be <= 1000000, got 10000000"),
    ("huge maxStep", F.json(solver: #"{ "maxStep": 1e3 }"#), "solver.maxStep: must be <= 100 rad, got 1000"),
    ("huge singularThreshold", F.json(solver: #"{ "singularThreshold": 1e11 }"#),
     "solver.singularThreshold: must be <= 10000000000 m/rad, got 100000000000"),
    ("huge nullSpaceGain", F.json(solver: #"{ "nullSpace": "rest", "nullSpaceGain": 1e155 }"#),
     "solver.nullSpaceGain: must be <= 1, got 1e+155"),
    ("C1 control in name", F.json(extra: #""name": "a\u0085b""#), #"name: must not contain control characters, got "a\u0085b""#),
    ("raw C1 control in name", F.json(extra: "\"name\": \"a\u{9B}b\""), #"name: must not contain control characters, got "a\u009Bb""#),
    ("DEL in name", F.json(extra: #""name": "a\u007Fb""#), #"name: must not contain control characters, got "a\u007Fb""#),
]

/// A close miss of a closed set gets a suggestion.
private let suggestionCases: [(String, String, String)] = [
    ("path type", F.json(path: #"{ "type": "cirle", "center": [1, 0], "radius": 1, "period": 4 }"#),
     #"path.type: must be one of "circle", "line", "lissajous", "figure8", "figure-eight", "waypoints", got "cirle" (did you mean "circle"?)"#),
    ("task", F.json(task: #""Pose""#), #"task: must be one of "position", "pose", got "Pose" (did you mean "pose"?)"#),
    ("method", F.json(solver: #"{ "method": "DLS" }"#),
     "solver.method: must be one of \(ScenarioValidationTests.methods), got \"DLS\" (did you mean \"dls\"?)"),
    ("nullSpace", F.json(solver: #"{ "nullSpace": "manipulabilty" }"#),
     #"solver.nullSpace: must be one of "none", "rest", "limits", "manipulability", got "manipulabilty" (did you mean "manipulability"?)"#),
]

@Suite("Scenario bounds")
struct ScenarioBoundsTests {
    @Test(arguments: boundCases.indices)
    func boundIsReportedOnce(_ index: Int) {
        let (name, text, expected) = boundCases[index]
        #expect(F.lines(text) == expected.split(separator: "\n").map(String.init), "\(name)")
    }

    @Test(arguments: suggestionCases.indices)
    func enumValueGetsASuggestion(_ index: Int) {
        let (name, text, expected) = suggestionCases[index]
        #expect(F.lines(text) == [expected], "\(name)")
    }

    @Test func everySolverMethodIsAccepted() throws {
        for method in SolverMethod.allCases {
            let damping = method == .pinv ? #", "damping": 0"# : ""
            let s = try #require(F.load(F.json(solver: #"{ "method": "\#(method.rawValue)"\#(damping) }"#)), "\(method)")
            #expect(s.solver.method == method)
        }
    }

    @Test func valuesAtTheBoundsLoad() throws {
        let text = F.json(
            arm: #"{ "links": [1e6, 1e-6, 1], "base": [-1e6, 1e6], "initial": [1000, -1000, 0], "limits": [[-1000, 1000], [-1000, 1000], [0, 0]] }"#,
            task: #""pose""#,
            path: circle(#", "orientation": -1000, "phase": 1000"#),
            solver: #"{ "damping": 1e6, "tolerance": 1e6, "maxStep": 100, "singularThreshold": 1e10, "nullSpace": "rest", "nullSpaceGain": 1 }"#)
        let s = try #require(F.load(text), "\(F.lines(text))")
        #expect(s.initial == [1000, -1000, 0] && s.solver.nullSpaceGain == 1)
    }

    /// Issue 13: a link of 2e6 used to be reported twice ("2000000.0 m" and "2000000 m").
    @Test func eachBadArmFieldIsReportedOnce() {
        let text = F.json(arm: #"{ "links": [1, 2e6, -1, 1e-9], "base": [3e6, 0], "limits": [[-1, 1], [2, 1], [-1, 1], [0, 1e4]] }"#)
        #expect(F.lines(text) == [
            "arm.links[1]: must be <= 1000000 m, got 2000000",
            "arm.links[2]: must be > 0, got -1",
            "arm.links[3]: must be >= 1e-6 m, got 1e-9",
            "arm.base: coordinates must be within ±1000000 m, got [3000000, 0]",
            "arm.limits[1]: min must be <= max, got [2, 1]",
            "arm.limits[3]: must be within ±1000 rad, got [0, 10000]",
        ])
    }

    @Test func withoutLinksTheOtherArmFieldsAreStillJudged() {
        #expect(F.lines(F.json(arm: #"{ "base": [0, 2e6], "limits": [[2, 1], [0, 1]], "initial": [0] }"#)) == [
            "arm.links: missing required field",
            "arm.base: coordinates must be within ±1000000 m, got [0, 2000000]",
            "arm.limits[0]: min must be <= max, got [2, 1]",
        ])
    }

    @Test func hiddenProblemCountIsRight() {
        let links = Array(repeating: "2e6", count: 1000).joined(separator: ",")
        let problems = F.problems(F.json(arm: #"{ "links": [\#(links)] }"#))
        #expect(problems.count == ScenarioReader.maxProblems + 1)
        #expect(Set(problems.dropLast().map(\.field)).count == ScenarioReader.maxProblems)
        #expect(problems.last?.description == "test.json: 900 more problems not shown")
    }

    @Test func modelAndDecoderShareTheRules() {
        // The same rule, worded once: what PlanarArm throws is what the decoder reports under "arm.".
        do throws(ArmError) {
            _ = try PlanarArm(links: [1, 2e6])
            Issue.record("accepted a link of 2e6")
        } catch {
            #expect("arm.\(error)" == F.lines(F.json(arm: #"{ "links": [1, 2e6] }"#)).first)
        }
    }

    @Test(arguments: [("utf-16le", "UTF-16LE"), ("utf-16be", "UTF-16BE"), ("utf-32le", "UTF-32LE"), ("utf-32be", "UTF-32BE")])
    func otherEncodingsAreNamed(_ encoding: (String, String)) {
        let text = F.json()
        let bytes = Self.encode(text, encoding.0)
        for (withBOM, data) in [(false, bytes), (true, Self.bom(encoding.0) + bytes)] {
            let expected = "the file is \(encoding.1)\(withBOM ? " (with a byte-order mark)" : ""); scenario files must be UTF-8"
            #expect(Self.problems(data).map(\.description) == ["e.json:1:1: \(expected)"])
        }
    }

    static func problems(_ bytes: [UInt8]) -> [ScenarioProblem] {
        do throws(ScenarioError) {
            _ = try ScenarioLoader.decode(bytes, fileName: "e.json"); return []
        } catch { return error.problems }
    }

    static func encode(_ text: String, _ encoding: String) -> [UInt8] {
        var out: [UInt8] = []
        for scalar in text.unicodeScalars {
            switch encoding {
            case "utf-16le", "utf-16be":
                for unit in String(scalar).utf16 {
                    let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
                    out += encoding == "utf-16le" ? pair : pair.reversed()
                }
            default:
                let v = scalar.value
                let le = [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)]
                out += encoding == "utf-32le" ? le : le.reversed()
            }
        }
        return out
    }

    static func bom(_ encoding: String) -> [UInt8] {
        switch encoding {
        case "utf-16le": return [0xFF, 0xFE]
        case "utf-16be": return [0xFE, 0xFF]
        case "utf-32le": return [0xFF, 0xFE, 0, 0]
        default: return [0, 0, 0xFE, 0xFF]
        }
    }
}
