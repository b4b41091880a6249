import Foundation
import Testing

/// The trajectory formatted on a second thread (`BackgroundTrajectoryWriter`) gives the very bytes of the
/// writer alone: around every batch boundary (128 frames), in both formats, with the curvature columns, to
/// stdout and to a file. `ARMSIM_WRITER_THREAD` switches the thread off (0) or on (1).
@Suite struct WriterThreadTests {
    static func run(_ arguments: [String], thread: Bool) throws -> CLIResult {
        try MissingSDLTests.run(arguments, environment: ["ARMSIM_WRITER_THREAD": thread ? "1" : "0"])
    }

    /// line.json has dt = 0.01 s: durations giving 1, 127, 128, 129, 385 and 1,201 frames.
    @Test(arguments: ["0.001", "1.26", "1.27", "1.28", "3.84", "12"])
    func sameBytesAroundBatchBoundaries(duration: String) throws {
        for extra in [["--format", "csv"], ["--format", "jsonl"], ["--curvature"]] {
            let arguments = ["run", CLI.scenario("line.json"), "--headless", "--quiet", "--duration", duration] + extra
            let alone = try Self.run(arguments, thread: false)
            let threaded = try Self.run(arguments, thread: true)
            #expect(alone.status == 0 && threaded.status == 0, "\(threaded.stderr)")
            #expect(!alone.stdout.isEmpty)
            #expect(alone.stdout == threaded.stdout, "\(arguments)")
        }
    }

    @Test func sameFileWithAndWithoutTheThread() throws {
        let d = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: d) }
        for (name, thread) in [("alone.csv", false), ("threaded.csv", true)] {
            let result = try Self.run(["run", CLI.scenario("figure8.json"), "--headless", "--output", d.path + "/" + name],
                                      thread: thread)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let alone = try Data(contentsOf: d.appendingPathComponent("alone.csv"))
        let threaded = try Data(contentsOf: d.appendingPathComponent("threaded.csv"))
        #expect(alone.count > 10_000 && alone == threaded)
    }

    /// A closed reader stops the threaded run as quietly as the plain one.
    @Test func brokenPipeEndsQuietly() throws {
        let result = try CLI.shell("ARMSIM_WRITER_THREAD=1 '\(CLI.executable.path)' run '\(CLI.scenario("line.json"))' --headless --duration 400 | head -c 100 > /dev/null; echo \"status ${PIPESTATUS[0]}\"")
        #expect(result.stdout.contains("status 0"), "\(result.stdout) \(result.stderr)")
        #expect(!result.stderr.contains("error"))
    }
}
