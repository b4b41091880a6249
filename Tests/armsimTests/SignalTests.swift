import Foundation
import Testing

/// Every catchable terminating signal ends a run with 128+N and no file; temporary files never look like
/// output and stale ones from a killed run are cleared by the next run in that directory.
@Suite(.serialized) struct SignalTests {
    static let signals: [(String, Int32)] = [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP), ("QUIT", SIGQUIT),
                                             ("USR1", SIGUSR1), ("USR2", SIGUSR2), ("ALRM", SIGALRM)]

    /// Starts a long `--output` run in `dir`, waits for its temporary file, sends `signal`.
    static func interruptedRun(_ signal: Int32, in dir: URL, extra: [String] = []) throws -> CLIResult {
        let script = """
            set -m; "$ARMSIM" run "$SCENARIOS/circle.json" --headless --duration 3000 --output '\(dir.path)/long.csv' \(extra.joined(separator: " ")) & pid=$!
            for i in $(seq 200); do [ -n "$(ls -A '\(dir.path)')" ] && break; sleep 0.05; done
            sleep 0.3; kill -\(signal) $pid; wait $pid
            """
        return try CLI.shell(script)
    }

    @Test(arguments: signals.map(\.1))
    func aSignalEndsTheRunWithNoFile(signal: Int32) throws {
        let d = try CLI.temporaryDirectory()
        let r = try Self.interruptedRun(signal, in: d)
        #expect(r.status == 128 + signal, "\(r.stderr)")
        #expect(CLI.names(in: d) == [], "left: \(CLI.names(in: d))")
        #expect(!r.stderr.contains("Backtrace") && !r.stderr.contains("Crash"), "\(r.stderr)")
        #expect(r.stderr.contains("nothing was written to '\(d.path)/long.csv'"), "\(r.stderr)")
    }

    @Test func sigkillLeavesNothingThatLooksLikeOutputAndTheNextRunClearsIt() throws {
        let d = try CLI.temporaryDirectory()
        let r = try Self.interruptedRun(SIGKILL, in: d)
        #expect(r.status == 128 + SIGKILL)
        let left = CLI.names(in: d)
        #expect(left.count == 1 && left.allSatisfy { $0.hasPrefix(".armsim-") && $0.hasSuffix(".tmp") }, "\(left)")
        #expect(!left.contains { $0.contains("long.csv") })
        let next = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/t.csv", "--quiet"])
        #expect(next.status == 0)
        #expect(CLI.names(in: d) == ["t.csv"], "the stale temporary file of a dead process is cleared")
    }

    @Test func aLiveRunsTemporaryFileIsNotTouchedByAnother() throws {
        let d = try CLI.temporaryDirectory()
        let live = try CLI.start(["run", CLI.scenario("circle.json"), "--headless", "--duration", "3000",
                                  "--output", d.path + "/long.csv", "--quiet"])
        defer { live.terminate(); live.waitUntilExit() }
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, CLI.names(in: d).isEmpty { usleep(20_000) }
        let temporary = CLI.names(in: d)
        let other = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/t.csv", "--quiet"])
        #expect(other.status == 0)
        #expect(CLI.names(in: d) == (temporary + ["t.csv"]).sorted())
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalDuringRecordLeavesNoTemporaryFrame(signal: Int32) throws {
        let d = try CLI.temporaryDirectory()
        let frames = d.appendingPathComponent("frames")
        let r = try CLI.shell("""
            set -m; "$ARMSIM" run "$SCENARIOS/circle.json" --record '\(frames.path)' --duration 600 --size 640x400 --quiet & pid=$!
            for i in $(seq 400); do [ "$(ls '\(frames.path)' 2>/dev/null | wc -l)" -ge 3 ] && break; sleep 0.05; done
            kill -\(signal) $pid; wait $pid
            """)
        #expect(r.status == 128 + signal, "\(r.stderr)")
        let names = CLI.names(in: frames)
        #expect(names.count >= 3)
        #expect(names.allSatisfy { $0.hasPrefix("frame-") && $0.hasSuffix(".png") }, "\(names.filter { !$0.hasPrefix("frame-") })")
    }

    @Test func recordRefusesADirectoryWithOldFramesUnlessOverwrite() throws {
        let d = try CLI.temporaryDirectory()
        let args = ["run", CLI.scenario("line.json"), "--record", d.path, "--every", "50", "--size", "128x96", "--quiet"]
        try Data("mine".utf8).write(to: d.appendingPathComponent("notes.txt"))
        let first = try CLI.run(args)
        #expect(first.status == 64)
        #expect(first.stderr.contains("--overwrite") && first.stderr.contains(d.path), "\(first.stderr)")
        #expect(CLI.names(in: d) == ["notes.txt"])
        let second = try CLI.run(args + ["--overwrite"])
        #expect(second.status == 0, "\(second.stderr)")
        let written = CLI.names(in: d)
        try Data("old".utf8).write(to: d.appendingPathComponent("frame-999999.png"))
        let third = try CLI.run(args + ["--overwrite"])
        #expect(third.status == 0)
        // Our own stale frame names are cleared; the user's file is kept.
        #expect(CLI.names(in: d) == written)
        #expect(written.contains("notes.txt"))
    }

    // MARK: stderr

    @Test func aClosedOrFullStderrChangesNothing() throws {
        let d = try OutputFileTests.nodes()
        let closed = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" --headless --output '\(d.path)/a.csv' 2>&-")
        #expect(closed.status == 0)
        #expect((try? String(contentsOfFile: d.path + "/a.csv", encoding: .utf8))?.hasPrefix("t,") == true)
        let full = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" --headless --output '\(d.path)/b.csv' 2>'\(d.path)/full'")
        #expect(full.status == 0)
        let window = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" 2>&-")
        #expect(window.status == 69)
        let windowFull = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" 2>'\(d.path)/full'")
        #expect(windowFull.status == 69)
        let noStdout = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" --headless >&-")
        #expect(noStdout.status == 1)
        #expect(noStdout.stderr.contains("stdout is closed"), "\(noStdout.stderr)")
        let bad = try CLI.shell("\"$ARMSIM\" run /nonexistent.json --headless 2>&-")
        #expect(bad.status == 2)
        let pipe = try CLI.shell("\"$ARMSIM\" validate \"$SCENARIOS\"/*.json \"$SCENARIOS\"/*.json 2>&1 | head -1; exit ${PIPESTATUS[0]}")
        #expect(pipe.status == 0)
        #expect(pipe.stdoutLines.count == 1)
        #expect(CLI.fileType(d.path + "/full") == S_IFCHR)
    }
}
