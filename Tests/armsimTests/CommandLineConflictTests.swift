import Foundation
import Testing

/// Flags that cannot be honoured together, malformed numbers and repeated options: exit 64 and one line.
@Suite struct CommandLineConflictTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var expected: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let circle = CLI.scenario("circle.json")
    /// A directory no refused command may create.
    static let never = "/tmp/armsim-never-\(getpid())"

    static let cases: [Case] = [
        Case(arguments: ["run", circle, "--headless", "--screenshot", "/tmp/x.png"], expected: "--screenshot"),
        Case(arguments: ["run", circle, "--record", never, "--screenshot", "/tmp/x.png"], expected: "--screenshot"),
        Case(arguments: ["run", circle, "--headless", "--every", "2"], expected: "--every"),
        Case(arguments: ["run", circle, "--headless", "--size", "640x400"], expected: "--size"),
        Case(arguments: ["run", circle, "--format", "jsonl"], expected: "--format"),
        Case(arguments: ["run", circle, "--headless", "--quit-after", "1"], expected: "--quit-after"),
        Case(arguments: ["run", circle, "--headless", "--paused"], expected: "--paused"),
        Case(arguments: ["run", circle, "--record", never, "--paused"], expected: "--paused"),
        Case(arguments: ["run", circle, "--record", never, "--format", "csv"], expected: "--format"),
        Case(arguments: ["run", circle, "--output", "/tmp/x.csv"], expected: "--output"),
        Case(arguments: ["run", circle, "--overwrite"], expected: "--overwrite"),
        Case(arguments: ["run", circle, "--headless", "--quiet", "--output", "/tmp/x.csv", "--format", "csv", "--format", "jsonl"], expected: "--format"),
        Case(arguments: ["run", circle, "--headless", "--headless"], expected: "--headless"),
        Case(arguments: ["run", circle, "--headless", "--duration", "-1"], expected: "--duration: must be > 0"),
        Case(arguments: ["run", circle, "--headless", "--duration", "0"], expected: "--duration: must be > 0"),
        Case(arguments: ["run", circle, "--headless", "--duration", "0x10"], expected: "--duration"),
        Case(arguments: ["run", circle, "--headless", "--duration", "nan"], expected: "--duration"),
        Case(arguments: ["run", circle, "--headless", "--duration", "1e999"], expected: "--duration"),
        Case(arguments: ["run", circle, "--quit-after", "0x1p1"], expected: "--quit-after"),
        Case(arguments: ["run", circle, "--headless", "--format", "xml"], expected: "--format"),
        Case(arguments: ["run", circle, "--size", "63x400"], expected: "--size"),
        Case(arguments: ["run", circle, "--size", "0x10"], expected: "--size"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.png", "--time", "0x1"], expected: "--time"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.png", "--time", "-1"], expected: "--time"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.png", "--time", "1e6"], expected: "--time"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.png", "--size", "9000x100"], expected: "--size"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.png", "--output", "/tmp/y.png"], expected: "--output"),
        Case(arguments: ["render", circle, "--output", "/tmp/x.gif"], expected: "--output"),
    ]

    @Test(arguments: cases)
    func refusedWithOneLine(c: Case) throws {
        let result = try CLI.run(c.arguments)
        #expect(result.status == 64, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(c.expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: Self.never))
    }

    @Test func negativeAndDecimalNumbersStillWork() throws {
        let r = try CLI.run(["run", Self.circle, "--headless", "--duration", "0.5", "--quiet"])
        #expect(r.status == 0)
        #expect(r.stdoutLines.count == 52)
        let e = try CLI.run(["run", Self.circle, "--headless", "--duration", "5e-1", "--quiet"])
        #expect(e.stdout == r.stdout)
    }
}
