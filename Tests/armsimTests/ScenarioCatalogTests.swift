import ArmIO
import ArmKit
import Foundation
import Testing

/// Every shipped scenario, run headless through the binary, shows what scenarios/README.md says it shows; and
/// together they cover every status, both singularity kinds, a joint limit, a saddle escape, each null-space
/// objective, a lissajous path and each solver method.
@Suite struct ScenarioCatalogTests {
    /// What one shipped file must show: statuses and singularity kinds that appear in at least one frame, and
    /// whether every frame converges with no singularity (the calm demos).
    struct Expectation: Sendable, CustomTestStringConvertible {
        var file: String
        var statuses: Set<String> = []
        var singularities: Set<String> = []
        var calm = false
        var testDescription: String { file }
    }

    static let catalogue: [Expectation] = [
        Expectation(file: "circle.json", calm: true),
        Expectation(file: "figure8.json", calm: true),
        Expectation(file: "line.json", calm: true),
        Expectation(file: "waypoints.json", calm: true),
        Expectation(file: "pose.json", calm: true),
        Expectation(file: "lissajous.json", calm: true),
        Expectation(file: "redundant.json", calm: true),
        Expectation(file: "redundant-none.json", statuses: ["converged"]),
        Expectation(file: "redundant-limits.json", statuses: ["converged"]),
        Expectation(file: "redundant-manipulability.json", calm: true),
        Expectation(file: "full-extension.json", statuses: ["converged", "unreachable"], singularities: ["boundary"]),
        Expectation(file: "unreachable.json", statuses: ["converged", "unreachable"], singularities: ["boundary"]),
        Expectation(file: "interior-singularity.json", statuses: ["converged"], singularities: ["interior"]),
        Expectation(file: "joint-limit.json", statuses: ["converged", "limited"]),
        Expectation(file: "stalled.json", statuses: ["stalled"]),
        Expectation(file: "pinv-failed.json", statuses: ["converged", "failed"], singularities: ["boundary"]),
        Expectation(file: "saddle-escape.json", calm: true),
        Expectation(file: "method-lm.json", calm: true),
        Expectation(file: "method-newton.json", calm: true),
        Expectation(file: "method-gradient.json", calm: true),
        Expectation(file: "w2.json", calm: true),
    ]

    static var shippedFiles: [String] {
        let dir = CLI.packageRoot.appendingPathComponent("scenarios").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The rows of a headless CSV run, as column → value.
    static func rows(_ file: String) throws -> [[String: String]] {
        let result = try CLI.run(["run", CLI.scenario(file), "--headless", "--quiet"])
        #expect(result.status == 0, "\(file): \(result.stderr)")
        let lines = result.stdoutLines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func everyShippedFileIsCataloguedAndDescribed() throws {
        #expect(Set(Self.shippedFiles) == Set(Self.catalogue.map(\.file)))
        let readme = try String(contentsOfFile: CLI.scenario("README.md"), encoding: .utf8)
        for file in Self.shippedFiles { #expect(readme.contains("`\(file)`"), "scenarios/README.md has no line for \(file)") }
    }

    @Test(arguments: catalogue)
    func showsWhatItIsMeantTo(_ e: Expectation) throws {
        let rows = try Self.rows(e.file)
        #expect(rows.count > 100)
        let statuses = Set(rows.compactMap { $0["status"] }), kinds = Set(rows.compactMap { $0["singularity"] })
        #expect(e.statuses.isSubset(of: statuses), "\(e.file): statuses \(statuses)")
        #expect(e.singularities.isSubset(of: kinds), "\(e.file): singularities \(kinds)")
        if e.calm { #expect(statuses == ["converged"] && kinds == ["none"], "\(e.file): \(statuses) \(kinds)") }
    }

    @Test func togetherTheyCoverEverything() throws {
        let shown = Self.catalogue.reduce(into: (Set<String>(), Set<String>())) { acc, e in
            acc.0.formUnion(e.statuses); acc.1.formUnion(e.singularities)
        }
        #expect(shown.0.union(["converged"]) == Set(SolveStatus.allCases.map(\.rawValue)))
        #expect(shown.1 == ["boundary", "interior"])
        let scenarios = try Self.shippedFiles.map { try ScenarioLoader.load(path: CLI.scenario($0)) }
        let redundant = scenarios.filter { $0.arm.jointCount > $0.task.dimension }
        #expect(Set(redundant.map(\.solver.nullSpace)) == Set(NullSpaceObjective.allCases))
        #expect(Set(scenarios.map(\.solver.method)) == Set(SolverMethod.allCases))
        let lissajous = try String(contentsOfFile: CLI.scenario("lissajous.json"), encoding: .utf8)
        #expect(lissajous.contains("\"type\": \"lissajous\""))
    }

    /// Frame 0 starts stretched with the target inward on the arm's line: ½‖e‖² is stationary there, and only
    /// the saddle escape (a step along negative curvature) gets the arm off the line.
    @Test func saddleEscapeScenarioEscapesASaddle() throws {
        let s = try ScenarioLoader.load(path: CLI.scenario("saddle-escape.json"))
        let solver = makeSolver(arm: s.arm, task: s.task, config: s.solver, rest: s.initial)
        var q = s.initial
        let report = solver.solve(&q, target: s.path.target(at: 0))
        #expect(report.saddleEscapes >= 1)
        #expect(report.status == .converged)
        #expect(abs(q[1]) + abs(q[2]) > 0.5, "the arm left the straight line: q = \(q)")
    }

    /// joint-limit.json: while `limited`, the elbow or wrist sits exactly on its upper limit (0.9 rad).
    @Test func jointLimitScenarioSitsOnItsLimit() throws {
        let limited = try Self.rows("joint-limit.json").filter { $0["status"] == "limited" }
        #expect(!limited.isEmpty)
        let onLimit = limited.filter { r in ["q1", "q2"].contains { Double(r[$0]!)! == 0.9 } }
        #expect(onLimit.count == limited.count, "\(onLimit.count) of \(limited.count) limited frames have a joint at 0.9")
    }

    /// The null-space objectives do what they are named for, on the same arm and path.
    @Test func nullSpaceObjectivesMoveTheArm() throws {
        func mean(_ file: String, _ f: ([String: String]) -> Double) throws -> Double {
            let rows = try Self.rows(file)
            return rows.map(f).reduce(0, +) / Double(rows.count)
        }
        // Tight limits (±1 rad on joints 1…6): the mean distance to the nearest limit.
        func margin(_ r: [String: String]) -> Double {
            (0..<7).map { i in (i == 0 ? 3.1 : 1.0) - abs(Double(r["q\(i)"]!)!) }.min()!
        }
        #expect(try mean("redundant-limits.json", margin) > 1.5 * mean("redundant-none.json", margin))
        func manipulability(_ r: [String: String]) -> Double { Double(r["manipulability"]!)! }
        #expect(try mean("redundant-manipulability.json", manipulability) > mean("redundant.json", manipulability))
    }
}
