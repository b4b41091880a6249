import Testing
@testable import ArmIO
import ArmKit

private typealias F = ScenarioFixture

/// One rule each: the bad scenario text and the exact "field: message" line expected among its problems.
private let ruleCases: [(String, String, String)] = [
    ("negative link", F.json(arm: #"{ "links": [1, 0.5, -1] }"#), "arm.links[2]: must be > 0, got -1"),
    ("zero link", F.json(arm: #"{ "links": [0, 0.5, 1] }"#), "arm.links[0]: must be > 0, got 0"),
    ("wrong type in links", F.json(arm: #"{ "links": ["a", 1, 1] }"#), #"arm.links[0]: must be a number, got string "a""#),
    ("links not an array", F.json(arm: #"{ "links": 3 }"#), "arm.links: must be an array, got 3"),
    ("empty links", F.json(arm: #"{ "links": [] }"#), "arm.links: must have at least one link"),
    ("too many links", F.json(arm: #"{ "links": [\#(Array(repeating: "0.1", count: 1025).joined(separator: ","))] }"#),
     "arm.links: at most 1024 links, got 1025"),
    ("huge link", F.json(arm: #"{ "links": [1e7] }"#), "arm.links[0]: must be <= 1000000 m, got 10000000"),
    ("missing links", F.json(arm: #"{ "base": [0, 0] }"#), "arm.links: missing required field"),
    ("base wrong length", F.json(arm: #"{ "links": [1], "base": [0, 0, 0] }"#),
     "arm.base: must be an array [x, y] of 2 numbers, got 3 values"),
    ("base too far", F.json(arm: #"{ "links": [1], "base": [0, -2e6] }"#),
     "arm.base: coordinates must be within ±1000000 m, got [0, -2000000]"),
    ("initial count", F.json(arm: #"{ "links": [1, 1, 1], "initial": [0, 0] }"#),
     "arm.initial: must have 3 values (one per link), got 2"),
    ("initial outside limits", F.json(arm: #"{ "links": [1, 1], "initial": [0, 3], "limits": [[-1, 1], [-2.5, 2.5]] }"#),
     "arm.initial[1]: must be within arm.limits[1] [-2.5, 2.5], got 3"),
    ("default initial outside limits", F.json(arm: #"{ "links": [1, 1], "limits": [[-1, 1], [0.5, 2]] }"#),
     "arm.initial: is absent, so joint 1 starts at 0, outside arm.limits[1] [0.5, 2]: give initial angles within the limits"),
    ("limits min > max", F.json(arm: #"{ "links": [1, 1], "initial": [0, 0], "limits": [[-1, 1], [2, 1]] }"#),
     "arm.limits[1]: min must be <= max, got [2, 1]"),
    ("limits count", F.json(arm: #"{ "links": [1, 1], "limits": [[-1, 1]] }"#),
     "arm.limits: must have one [min, max] pair per link (2), got 1"),
    ("limits pair shape", F.json(arm: #"{ "links": [1], "limits": [[-1]] }"#),
     "arm.limits[0]: must be an array [min, max] of 2 numbers, got 1 value"),
    ("unknown arm field", F.json(arm: #"{ "links": [1], "lims": [[-1, 1]] }"#),
     #"arm.lims: unknown field (did you mean "limits"?)"#),
    ("arm not an object", F.json(arm: "[1, 2]"), "arm: must be an object, got an array"),
    ("missing arm", F.json(arm: nil), "arm: missing required field"),
    ("dt zero", F.json(simulation: #"{ "dt": 0, "duration": 1 }"#), "simulation.dt: must be > 0, got 0"),
    ("dt negative", F.json(simulation: #"{ "dt": -0.5, "duration": 1 }"#), "simulation.dt: must be > 0, got -0.5"),
    ("duration negative", F.json(simulation: #"{ "dt": 0.01, "duration": -1 }"#), "simulation.duration: must be >= 0, got -1"),
    ("too many frames", F.json(simulation: #"{ "dt": 0.001, "duration": 1e9 }"#),
     "simulation.duration: 1000000000 s at dt 0.001 s gives 1000000000001 frames, more than the maximum 100000000"),
    ("frames overflow", F.json(simulation: #"{ "dt": 1e-300, "duration": 1e300 }"#),
     "simulation.duration: 1e+300 s at dt 1e-300 s gives too many frames, more than the maximum 100000000"),
    ("missing simulation", F.json(simulation: nil), "simulation: missing required field"),
    ("missing dt", F.json(simulation: #"{ "duration": 1 }"#), "simulation.dt: missing required field"),
    ("unknown simulation field", F.json(simulation: #"{ "dt": 0.01, "duration": 1, "steps": 5 }"#),
     "simulation.steps: unknown field (known fields: dt, duration)"),
    ("unknown method", F.json(solver: #"{ "method": "bfgs" }"#), #"solver.method: must be one of "dls", "pinv", "lm", "newton", "gradient", got "bfgs""#),
    ("maxIterations fraction", F.json(solver: #"{ "maxIterations": 2.5 }"#), "solver.maxIterations: must be an integer, got 2.5"),
    ("maxIterations zero", F.json(solver: #"{ "maxIterations": 0 }"#), "solver.maxIterations: must be >= 1, got 0"),
    ("maxIterations huge", F.json(solver: #"{ "maxIterations": 1e6 }"#), "solver.maxIterations: must be <= 10000, got 1000000"),
    ("maxIterations beyond Int", F.json(solver: #"{ "maxIterations": 1e300 }"#), "solver.maxIterations: must be an integer, got 1e+300"),
    ("tolerance zero", F.json(solver: #"{ "tolerance": 0 }"#), "solver.tolerance: must be > 0, got 0"),
    ("maxStep negative", F.json(solver: #"{ "maxStep": -1 }"#), "solver.maxStep: must be > 0, got -1"),
    ("damping negative", F.json(solver: #"{ "damping": -0.1 }"#), "solver.damping: must be >= 0, got -0.1"),
    ("dls without damping", F.json(solver: #"{ "method": "dls", "damping": 0, "variableDamping": false }"#),
     #"solver.damping: must be > 0 for method "dls" (no damping is the plain pseudo-inverse: use method "pinv"), got 0"#),
    ("singularThreshold zero", F.json(solver: #"{ "singularThreshold": 0 }"#), "solver.singularThreshold: must be > 0, got 0"),
    ("nullSpace unknown", F.json(solver: #"{ "nullSpace": "joints" }"#),
     #"solver.nullSpace: must be one of "none", "rest", "limits", "manipulability", got "joints""#),
    ("nullSpaceGain negative", F.json(solver: #"{ "nullSpaceGain": -1 }"#), "solver.nullSpaceGain: must be >= 0, got -1"),
    ("variableDamping type", F.json(solver: #"{ "variableDamping": 1 }"#), "solver.variableDamping: must be true or false, got 1"),
    ("unknown solver field", F.json(solver: #"{ "lambda": 0.1 }"#), "solver.lambda: unknown field (known fields: method, damping, variableDamping, tolerance, maxIterations, maxStep, singularThreshold, nullSpace, nullSpaceGain)"),
    ("solver not an object", F.json(solver: #""dls""#), #"solver: must be an object, got string "dls""#),
    ("overflowing number", F.json(simulation: #"{ "dt": 1e400, "duration": 1 }"#), "simulation.dt: must be a finite number, got 1e400"),
    ("null is not a default", F.json(solver: #"{ "singularThreshold": null }"#), "solver.singularThreshold: must be a number, got null"),
    ("task unknown", F.json(task: #""velocity""#), #"task: must be one of "position", "pose", got "velocity""#),
    ("name empty", F.json(extra: #""name": """#), "name: must not be empty"),
    ("name type", F.json(extra: #""name": 3"#), "name: must be a string, got 3"),
    ("name control character", F.json(extra: #""name": "a\u0007b""#), #"name: must not contain control characters, got "a\u0007b""#),
    ("unknown top-level field", F.json(extra: #""sim": {}"#), #"sim: unknown field (did you mean "simulation"?)"#),
    ("missing path", F.json(path: nil), "path: missing required field"),
    ("path type missing", F.json(path: #"{ "center": [1, 0] }"#),
     #"path.type: missing required field (one of "circle", "line", "lissajous", "figure8", "figure-eight", "waypoints")"#),
    ("path type unknown", F.json(path: #"{ "type": "spiral" }"#),
     #"path.type: must be one of "circle", "line", "lissajous", "figure8", "figure-eight", "waypoints", got "spiral""#),
    ("circle radius", F.json(path: #"{ "type": "circle", "center": [1, 0], "radius": -0.5, "period": 4 }"#),
     "path.radius: must be > 0, got -0.5"),
    ("circle period", F.json(path: #"{ "type": "circle", "center": [1, 0], "radius": 0.5, "period": 0 }"#),
     "path.period: must be > 0, got 0"),
    ("circle missing radius", F.json(path: #"{ "type": "circle", "center": [1, 0], "period": 4 }"#),
     "path.radius: missing required field"),
    ("circle center far", F.json(path: #"{ "type": "circle", "center": [1e7, 0], "radius": 1, "period": 4 }"#),
     "path.center: coordinates must be within ±1000000 m, got [10000000, 0]"),
    ("unknown circle field", F.json(path: #"{ "type": "circle", "center": [1, 0], "radius": 1, "period": 4, "speed": 1 }"#),
     "path.speed: unknown field (known fields: type, orientation, center, radius, period, clockwise, phase)"),
    ("figure8 has no phase", F.json(path: #"{ "type": "figure8", "center": [1, 0], "amplitude": [1, 1], "phase": 1 }"#),
     "path.phase: unknown field (known fields: type, orientation, center, amplitude, frequency)"),
    ("line duration", F.json(path: #"{ "type": "line", "from": [1, 0], "to": [1, 1], "duration": 0 }"#),
     "path.duration: must be > 0, got 0"),
    ("line point shape", F.json(path: #"{ "type": "line", "from": [1], "to": [1, 1], "duration": 1 }"#),
     "path.from: must be an array [x, y] of 2 numbers, got 1 value"),
    ("pingpong type", F.json(path: #"{ "type": "line", "from": [1, 0], "to": [1, 1], "duration": 1, "pingpong": "yes" }"#),
     #"path.pingpong: must be true or false, got string "yes""#),
    ("lissajous amplitude", F.json(path: #"{ "type": "lissajous", "center": [1, 0], "amplitude": [-1, 1], "frequency": [1, 1] }"#),
     "path.amplitude[0]: must be >= 0, got -1"),
    ("lissajous frequency", F.json(path: #"{ "type": "lissajous", "center": [1, 0], "amplitude": [1, 1], "frequency": [1, -2] }"#),
     "path.frequency[1]: must be >= 0, got -2"),
    ("lissajous missing frequency", F.json(path: #"{ "type": "lissajous", "center": [1, 0], "amplitude": [1, 1] }"#),
     "path.frequency: missing required field"),
    ("waypoints too few", F.json(path: #"{ "type": "waypoints", "points": [[1, 0]], "speed": 1 }"#),
     "path.points: must have at least 2 points, got 1"),
    ("waypoint bad point", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, "x"]], "speed": 1 }"#),
     #"path.points[1][1]: must be a number, got string "x""#),
    ("waypoints durations count", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, 1], [0, 1]], "durations": [1] }"#),
     "path.durations: must have 2 values (one per segment), got 1"),
    ("waypoints duration zero", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, 1]], "durations": [0] }"#),
     "path.durations[0]: must be > 0, got 0"),
    ("waypoints both timings", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, 1]], "durations": [1], "speed": 1 }"#),
     #"path: give either "speed" or "durations", not both"#),
    ("waypoints no timing", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, 1]] }"#),
     #"path: needs either "speed" (m/s) or "durations" (seconds, one per segment)"#),
    ("waypoints speed", F.json(path: #"{ "type": "waypoints", "points": [[1, 0], [1, 1]], "speed": -1 }"#),
     "path.speed: must be > 0, got -1"),
    ("orientation type", F.json(path: #"{ "type": "circle", "center": [1, 0], "radius": 1, "period": 4, "orientation": [1] }"#),
     "path.orientation: must be a number, got an array"),
]

@Suite("Scenario validation")
struct ScenarioValidationTests {
    @Test func theBaseFixtureLoads() {
        #expect(F.problems(F.json()).isEmpty)
    }

    @Test(arguments: ruleCases.indices)
    func ruleIsReportedWithItsField(_ index: Int) {
        let (name, text, expected) = ruleCases[index]
        let lines = F.lines(text)
        #expect(lines.contains(expected), "\(name): got \(lines)")
        // Each problem is one line and names the file.
        for p in F.problems(text) {
            #expect(!p.description.contains("\n"))
            #expect(p.description.hasPrefix("test.json"))
        }
    }

    @Test func descriptionFormat() {
        let error = ScenarioError(problems: F.problems(F.json(arm: #"{ "links": [1, 0.5, -1] }"#), file: "circle.json"))
        #expect(error.description == "circle.json: arm.links[2]: must be > 0, got -1")
        #expect(error.problems[0].line == 2 && error.problems[0].column == 30)
    }

    @Test func everyProblemIsReported() {
        let text = F.json(
            arm: #"{ "links": [1, -1, "x", 0], "initial": [0, 0], "limits": [[1, 0], [0, 1], [0, 1], [0, 1]], "colour": "red" }"#,
            task: #""pose ""#,
            path: #"{ "type": "circle", "center": [1, 0], "radius": -1, "period": "4", "speed": 2 }"#,
            solver: #"{ "method": "bfgs", "tolerance": -1, "maxIterations": 0, "maxStep": 0, "nullSpace": 1 }"#,
            simulation: #"{ "dt": 0, "duration": -1 }"#,
            extra: #""extra": true"#)
        let lines = Set(F.lines(text))
        let expected: Set<String> = [
            #"arm.colour: unknown field (known fields: links, base, initial, limits)"#,
            "arm.links[1]: must be > 0, got -1",
            #"arm.links[2]: must be a number, got string "x""#,
            "arm.links[3]: must be > 0, got 0",
            "arm.limits[0]: min must be <= max, got [1, 0]",
            "arm.initial: must have 4 values (one per link), got 2",
            #"task: must be one of "position", "pose", got "pose ""#,
            "path.radius: must be > 0, got -1",
            #"path.period: must be a number, got string "4""#,
            #"path.speed: unknown field (known fields: type, orientation, center, radius, period, clockwise, phase)"#,
            #"solver.method: must be one of "dls", "pinv", "lm", "newton", "gradient", got "bfgs""#,
            "solver.tolerance: must be > 0, got -1",
            "solver.maxIterations: must be >= 1, got 0",
            "solver.maxStep: must be > 0, got 0",
            #"solver.nullSpace: must be a string, got 1"#,
            "simulation.dt: must be > 0, got 0",
            "simulation.duration: must be >= 0, got -1",
            #"extra: unknown field (known fields: name, arm, task, path, solver, simulation)"#,
        ]
        #expect(lines == expected, "missing: \(expected.subtracting(lines)), unexpected: \(lines.subtracting(expected))")
    }

    @Test func unknownFieldsAtEveryLevel() {
        let text = F.json(
            arm: #"{ "links": [1], "Links": [1] }"#,
            path: #"{ "type": "waypoints", "points": [[1, 0], [0, 1]], "speed": 1, "loops": true }"#,
            solver: #"{ "methd": "dls" }"#,
            simulation: #"{ "dt": 0.1, "duration": 1, "dT": 0.1 }"#,
            extra: #""Name": "x""#)
        let fields = Set(F.problems(text).map(\.field))
        #expect(fields == ["arm.Links", "path.loops", "solver.methd", "simulation.dT", "Name"])
        #expect(F.lines(text).contains(#"path.loops: unknown field (did you mean "loop"?)"#))
    }

    @Test func pinvMayHaveZeroDamping() {
        #expect(F.problems(F.json(solver: #"{ "method": "pinv", "damping": 0 }"#)).isEmpty)
        #expect(F.problems(F.json(solver: #"{ "damping": 0.0001, "variableDamping": false }"#)).isEmpty)
    }

    @Test func integersMayBeWrittenAsWholeReals() throws {
        let s = try #require(F.load(F.json(solver: #"{ "maxIterations": 5e1 }"#)))
        #expect(s.solver.maxIterations == 50)
    }

    @Test func frameCapBoundary() throws {
        // 1e8 frames is the cap: duration/dt = 99_999_999 gives exactly 1e8 frames.
        let s = try #require(F.load(F.json(simulation: #"{ "dt": 1, "duration": 99999999 }"#)))
        #expect(s.simulation.frameCount == SimulationConfig.maxFrames)
        #expect(F.lines(F.json(simulation: #"{ "dt": 1, "duration": 100000000 }"#)) == [
            "simulation.duration: 100000000 s at dt 1 s gives 100000001 frames, more than the maximum 100000000",
        ])
        let zero = try #require(F.load(F.json(simulation: #"{ "dt": 0.01, "duration": 0 }"#)))
        #expect(zero.simulation.frameCount == 1)
    }

    @Test func manyProblemsAreCapped() {
        let links = Array(repeating: "-1", count: 1000).joined(separator: ",")
        let problems = F.problems(F.json(arm: #"{ "links": [\#(links)] }"#))
        #expect(problems.count == ScenarioReader.maxProblems + 1)
        #expect(problems.last?.description == "test.json: 900 more problems not shown")
    }

    @Test func topLevelMustBeAnObject() {
        #expect(F.problems("[1, 2]").map(\.description) == ["test.json:1:1: the top level must be a JSON object, got an array"])
        #expect(F.problems("{}").map(\.field) == ["arm", "path", "simulation"])
    }
}
