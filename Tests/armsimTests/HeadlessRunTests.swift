import Foundation
import Testing
import ArmIO
import ArmKit

@Suite struct HeadlessRunTests {
    static let shipped = ["circle.json", "line.json", "figure8.json", "waypoints.json", "full-extension.json",
                          "unreachable.json", "redundant.json", "pose.json"]

    @Test func everyShippedScenarioValidates() throws {
        let result = try CLI.run(["validate"] + Self.shipped.map(CLI.scenario))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.count == Self.shipped.count)
        #expect(result.stdoutLines.allSatisfy { $0.hasSuffix(": ok") })
    }

    @Test(arguments: shipped)
    func everyShippedScenarioRunsHeadless(name: String) throws {
        let scenario = try ScenarioLoader.load(path: CLI.scenario(name))
        let result = try CLI.run(["run", CLI.scenario(name), "--headless"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        // Header names the arm's joints (and φ columns for the pose task).
        var expected = ["t", "target_x", "target_y"]
        if scenario.task == .pose { expected.append("target_phi") }
        expected += (0..<scenario.arm.jointCount).map { "q\($0)" } + ["tip_x", "tip_y"]
        if scenario.task == .pose { expected.append("tip_phi") }
        expected += ["error", "sigma_min", "manipulability", "damping", "iterations", "singular", "singularity", "status"]
        expected += ["condition_number", "saddle_escapes"]
        #expect(lines.first.map { $0.split(separator: ",").map(String.init) } == expected)
        // K + 1 rows, K = floor(duration/dt + 1e-9).
        #expect(lines.count - 1 == scenario.simulation.frameCount)
        // Every number parses and is finite; t_k = k·dt exactly.
        for (k, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(fields.count == expected.count)
            #expect(Double(fields[0]) == Double(k) * scenario.simulation.dt)
            for field in fields.dropLast(5) + fields.suffix(1) { #expect(Double(field)?.isFinite == true, "frame \(k): '\(field)'") }
        }
        // The summary line on stderr, every number labelled.
        #expect(result.stderr.hasPrefix("\(scenario.name): \(scenario.simulation.frameCount) frames, error ("), "\(result.stderr)")
        #expect(result.stderr.contains("solver iterations") && result.stderr.contains("wall time"))
    }

    @Test func everyCircleTargetIsReachedWithinTolerance() throws {
        let scenario = try ScenarioLoader.load(path: CLI.scenario("circle.json"))
        let result = try CLI.run(["run", CLI.scenario("circle.json"), "--headless", "--format", "jsonl", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        var frames = 0
        for line in result.stdoutLines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let error = object["error"] as! Double
            #expect(error < scenario.solver.tolerance, "t = \(object["t"]!)")
            #expect(object["status"] as? String == "converged")
            #expect((object["q"] as? [Double])?.count == 3)
            frames += 1
        }
        #expect(frames == scenario.simulation.frameCount)
    }

    @Test func durationOverrideCountsFramesWithoutAccumulation() throws {
        // 2.3 / 0.01 must give K = 230, not 229.
        let result = try CLI.run(["run", CLI.scenario("circle.json"), "--headless", "--duration", "2.3", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1 + 231)
        // t_230 = 230 · 0.01 (computed, not accumulated), printed in shortest round-trip form.
        let last = result.stdoutLines.last.map { Double($0.split(separator: ",")[0]) }
        #expect(last == 230 * 0.01)
    }

    @Test func outputFileIsWrittenAtomicallyAndDevNullWorks() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("traj.csv")
        let ok = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", file.path, "--quiet"])
        #expect(ok.status == 0)
        #expect(ok.stdout.isEmpty)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix("t,target_x,target_y,q0"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["traj.csv"])
        // Our own null device (never the machine's /dev/null).
        let null = dir.appendingPathComponent("null").path
        #expect(try CLI.shell("mknod '\(null)' c 1 3").status == 0, "mknod needs root")
        let devnull = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", null, "--quiet"])
        #expect(devnull.status == 0)
        #expect(CLI.fileType(null) == S_IFCHR)
    }

    @Test func sigtermLeavesNoOutputFile() throws {
        let dir = try CLI.temporaryDirectory()
        let file = dir.appendingPathComponent("long.csv")
        let process = try CLI.start(["run", CLI.scenario("circle.json"), "--headless", "--duration", "3000",
                                     "--output", file.path, "--quiet"])
        // Wait until the run is under way (its temporary file exists), then terminate it.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try? FileManager.default.contentsOfDirectory(atPath: dir.path))?.isEmpty ?? true {
            usleep(20_000)
        }
        usleep(200_000)
        #expect(process.isRunning)
        process.terminate()   // SIGTERM
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty, "no temporary file left behind")
    }

    @Test func windowWithoutDisplayFailsClearly() throws {
        let result = try CLI.run(["run", CLI.scenario("circle.json"), "--quit-after", "1"])
        #expect(result.status == 69)
        #expect(result.stderr.contains("--headless"))
        #expect(result.stderr.contains("xvfb-run"))
        #expect(result.stdout.isEmpty)
    }
}
