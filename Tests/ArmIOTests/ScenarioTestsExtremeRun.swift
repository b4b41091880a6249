import Testing
@testable import ArmIO
import ArmKit

private typealias F = ScenarioFixture

/// Scenario files written at the validation bounds, through the real decoder: every one loads and simulates a
/// few frames with nothing non-finite (seeded, bounded: 300 files).
@Suite("Scenario files at the bounds")
struct ScenarioExtremeRunTests {
    struct Writer {
        var rng: SplitMix64
        mutating func pick(_ options: [String]) -> String { options[Int.random(in: 0..<options.count, using: &rng)] }

        mutating func file() -> String {
            let n = Int(pick(["1", "2", "3", "5", "12"]))!
            let links = (0..<n).map { _ in pick(["1e-6", "1e6", "0.000001", "1000000", "0.7", "3e-3"]) }
            let initial = (0..<n).map { _ in pick(["1000", "-1000", "0", "999.999", "-3.14"]) }
            var arm = #"{ "links": [\#(links.joined(separator: ", "))], "initial": [\#(initial.joined(separator: ", "))], "base": [\#(pick(["1e6", "-1e6", "0"])), \#(pick(["1e6", "0"]))]"#
            if pick(["a", "b"]) == "a" {
                arm += #", "limits": [\#(initial.map { "[-1000, \($0 == "1000" ? "1000" : pick(["1000", $0]))]" }.joined(separator: ", "))]"#
            }
            arm += " }"
            let orientation = pick(["1000", "-1000", "0"])
            let path = pick([
                #"{ "type": "circle", "center": [1e6, -1e6], "radius": 1e6, "period": 5e-324, "phase": -1000, "orientation": \#(orientation) }"#,
                #"{ "type": "line", "from": [-1e6, 1e6], "to": [1e6, -1e6], "duration": 1e308, "pingpong": true, "orientation": \#(orientation) }"#,
                #"{ "type": "lissajous", "center": [0, 0], "amplitude": [1e6, 0], "frequency": [1e308, 5e-324], "phase": 1000, "orientation": \#(orientation) }"#,
                #"{ "type": "waypoints", "points": [[1e6, 1e6], [-1e6, -1e6], [0, 1e-6]], "speed": 1e300, "loop": true, "orientation": \#(orientation) }"#,
            ])
            let method = pick(SolverMethod.allCases.map(\.rawValue))
            let damping = method == "pinv" ? pick(["0", "1e6", "5e-324"]) : pick(["1e6", "5e-324", "0.05"])
            let solver = #"{ "method": "\#(method)", "damping": \#(damping), "variableDamping": \#(pick(["true", "false"])), "#
                + #""tolerance": \#(pick(["1e6", "5e-324", "1e-6"])), "maxIterations": \#(pick(["1", "50", "300"])), "#
                + #""maxStep": \#(pick(["100", "5e-324", "0.3"])), "singularThreshold": \#(pick(["1e10", "5e-324", "0.01"])), "#
                + #""nullSpace": "\#(pick(NullSpaceObjective.allCases.map(\.rawValue)))", "nullSpaceGain": \#(pick(["1", "0", "5e-324"])) }"#
            let dt = pick(["1e-300", "0.01", "1e300"])
            return F.json(arm: arm, task: #""\#(pick(["position", "pose"]))""#, path: path, solver: solver,
                          simulation: #"{ "dt": \#(dt), "duration": \#(dt == "1e300" ? "3e300" : dt) }"#)
        }
    }

    @Test func filesAtTheBoundsLoadAndRunFinitely() throws {
        var writer = Writer(rng: SplitMix64(seed: 0x1603_0005))
        for _ in 0..<300 {
            let text = writer.file()
            let scenario = try #require(F.load(text), "\(text)")
            for frame in Simulator(scenario: scenario) {
                let values = frame.q + [frame.tip.x, frame.tip.y, frame.tip.phi, frame.error, frame.sigmaMin,
                                        frame.manipulability, frame.damping, frame.target.x, frame.target.y]
                guard values.allSatisfy(\.isFinite) else {
                    Issue.record("frame \(frame.index) not finite: \(frame)\n\(text)")
                    return
                }
            }
        }
    }
}
