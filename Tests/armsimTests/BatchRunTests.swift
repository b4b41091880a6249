import Foundation
import Testing

/// `armsim run A.json B.json … --headless --output-dir DIR [--jobs N]`, through the real binary.
@Suite struct BatchRunTests {
    static let good = ["circle.json", "line.json", "pose.json", "redundant.json"]

    static func files(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func oneBadScenarioFailsAloneAndTheOthersAreWritten() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("broken.json")
        try Data(#"{"name": "broken", "arm": {"links": [1, -1]}}"#.utf8).write(to: bad)
        let out = dir.appendingPathComponent("out")
        let inputs = Self.good.map(CLI.scenario).prefix(2) + [bad.path] + Self.good.map(CLI.scenario).suffix(2)
        let result = try CLI.run(["run"] + inputs + ["--headless", "--output-dir", out.path, "--jobs", "2"])
        #expect(result.status == 1)
        // The bad file is named with its field; the others each get a summary line naming their output.
        #expect(result.stderr.contains("armsim: error: \(bad.path)"), "\(result.stderr)")
        for name in ["circle", "line", "pose", "redundant"] {
            #expect(result.stderr.contains("wrote \(out.path)/\(name).csv"), "\(result.stderr)")
        }
        #expect(result.stderr.contains("total: 5 scenarios, 4 written"))
        #expect(result.stderr.contains("1 of 5 scenarios failed"))
        // Exactly the four outputs: nothing for the bad one, no temporary file left behind.
        #expect(try Self.files(in: out) == ["circle.csv", "line.csv", "pose.csv", "redundant.csv"])
        // Each is byte-identical to the single-scenario run's stdout.
        for name in ["circle", "pose"] {
            let single = try CLI.run(["run", CLI.scenario("\(name).json"), "--headless", "--quiet"])
            let written = try String(contentsOf: out.appendingPathComponent("\(name).csv"), encoding: .utf8)
            #expect(written == single.stdout, "\(name)")
        }
    }

    @Test func oneJobAndTwoJobsWriteTheSameBytes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [[Data]] = []
        for jobs in ["1", "2"] {
            let out = dir.appendingPathComponent("jobs\(jobs)")
            let result = try CLI.run(["run"] + Self.good.map(CLI.scenario)
                                     + ["--headless", "--output-dir", out.path, "--jobs", jobs, "--format", "jsonl",
                                        "--quiet"])
            #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
            #expect(try Self.files(in: out) == ["circle.jsonl", "line.jsonl", "pose.jsonl", "redundant.jsonl"])
            outputs.append(try Self.files(in: out).map { try Data(contentsOf: out.appendingPathComponent($0)) })
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].allSatisfy { $0.count > 1000 })
    }

    @Test func usageErrorsComeBeforeAnythingRuns() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let circle = CLI.scenario("circle.json"), line = CLI.scenario("line.json")
        let cases: [([String], String)] = [
            (["run", circle, line, "--headless"], "several scenarios run only with --headless --output-dir"),
            (["run", circle, line, "--output-dir", dir.path], "several scenarios run only with --headless --output-dir"),
            (["run", circle, circle, "--headless", "--output-dir", dir.path], "would both write"),
            (["run", circle, "--headless", "--output-dir", dir.path, "--jobs", "0"], "--jobs: must be >= 1"),
            (["run", circle, "--headless", "--output-dir", dir.path, "--output", "x.csv"], "choose one"),
            (["run", circle, "--headless", "--jobs", "2"], "--jobs: only with --output-dir"),
        ]
        for (arguments, message) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(try Self.files(in: dir).isEmpty)
    }

    /// A scenario whose output name is itself (DIR/x.csv holding JSON) is refused, never overwritten.
    @Test func theInputIsNeverTheOutput() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("x.csv")
        let original = try Data(contentsOf: URL(fileURLWithPath: CLI.scenario("circle.json")))
        try original.write(to: input)
        let result = try CLI.run(["run", input.path, "--headless", "--output-dir", dir.path])
        #expect(result.status == 64 && result.stderr.contains("input is never the output"), "\(result.stderr)")
        #expect(try Data(contentsOf: input) == original)
    }
}
