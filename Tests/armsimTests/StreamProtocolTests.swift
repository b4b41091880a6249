import Foundation
import Testing

/// The `--stdin` line protocol of inspect and solve: order, per-line errors, flushing.
@Suite struct StreamProtocolTests {
    /// Runs armsim with `input` on stdin and returns stdout's lines.
    static func stream(_ arguments: [String], input: String) throws -> (status: Int32, lines: [Substring], stderr: String) {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin; process.standardOutput = stdout; process.standardError = stderr
        try process.run()
        let result = try CLI.collect(process, stdout, stderr, input: (stdin, Data(input.utf8)))
        return (result.status, result.stdout.split(separator: "\n"), result.stderr)
    }

    static func object(_ line: Substring) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
    }

    @Test func inspectAnswersInOrder() throws {
        let qs = (0..<300).map { i in [0.01 * Double(i), -0.5, 0.25] }
        let input = qs.map { "{\"q\": [\($0[0]), \($0[1]), \($0[2])], \"target\": [1, 1]}" }.joined(separator: "\n") + "\n"
        let result = try Self.stream(["inspect", "--links", "1,0.8,0.6", "--stdin"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.lines.count == qs.count)
        for (line, q) in zip(result.lines, qs) {
            let object = try Self.object(line)
            // (Foundation's JSON reader on Linux is off by an ulp or two; armsim writes shortest round-trip text.)
            let echoed = object["q"] as! [Double]
            #expect(zip(echoed, q).allSatisfy { abs($0 - $1) <= 1e-15 * max(1, abs($1)) })
            #expect((object["leastSquares"] as! [String: Any])["curvature"] is String)
        }
    }

    /// Thousands of queued lines are answered on two threads per read: order, the line numbers of errors and
    /// skipped blank lines must be exactly those of a one-line-at-a-time session.
    @Test(arguments: ["inspect", "solve"])
    func manyQueuedLinesKeepOrderErrorsAndLineNumbers(command: String) throws {
        var input = "", expected: [(line: Int, q0: Double?)] = []
        for i in 1...3_000 {
            if i % 11 == 0 { input += "   \n"; continue }
            if i % 7 == 0 { input += "{\"q\": [1, 2\n"; expected.append((i, nil)); continue }
            let q0 = Double(i) * 1e-4
            input += "{\"q\": [\(q0), 0.2, 0.3], \"target\": [1, 1]}\n"
            expected.append((i, q0))
        }
        let result = try Self.stream([command, "--links", "1,0.8,0.6", "--stdin"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        try #require(result.lines.count == expected.count)
        for (line, want) in zip(result.lines, expected) {
            let object = try Self.object(line)
            if let q0 = want.q0 {
                let echoed = (object["q0"] ?? object["q"]) as? [Double]   // solve echoes the start as q0
                #expect(echoed.map { abs($0[0] - q0) <= 1e-15 } == true, "line \(want.line): \(line.prefix(80))")
            } else {
                #expect(object["line"] as? Int == want.line && object["error"] is String, "line \(want.line): \(line)")
            }
        }
    }

    @Test(arguments: ["inspect", "solve"])
    func badLinesGetAnErrorAndTheStreamGoesOn(command: String) throws {
        let lines = [
            "{\"q\": [0.1, 0.2, 0.3], \"target\": [1, 1]}",
            "not json",
            "{\"q\": [0.1, 0.2], \"target\": [1, 1]}",
            "",
            "{\"q\": [1e308, 0, 0], \"target\": [1, 1]}",
            "{\"q\": [0, 0, 0], \"target\": [1, 1], \"speed\": 2}",
            "{\"q\": [0, 0, 0], \"target\": [1e999, 1]}",
            "[1, 2]",
            "{\"q\": [0.3, 0.2, 0.1], \"target\": [0.5, 1.5]}",
        ]
        let result = try Self.stream([command, "--links", "1,0.8,0.6", "--stdin"], input: lines.joined(separator: "\n"))
        #expect(result.status == 0, "\(result.stderr)")
        let objects = try result.lines.map(Self.object)
        #expect(objects.count == 8)   // the blank line is skipped, not answered
        let errorLines = objects.compactMap { $0["line"] as? Int }
        #expect(errorLines == [2, 3, 5, 6, 7, 8])
        for object in objects where object["line"] != nil { #expect((object["error"] as! String).count > 3) }
        let messages = objects.compactMap { $0["error"] as? String }
        #expect(messages[1].hasPrefix("q: expected 3 values"))
        #expect(messages[2].hasPrefix("q[0]: must be within"))
        #expect(messages[3].contains("speed"))
        #expect(messages[4].contains("target[0]") && messages[4].contains("1e999"))
        #expect(objects.first?["line"] == nil && objects.last?["line"] == nil)
        #expect(!result.lines.joined().lowercased().contains("nan"))
    }

    /// A line longer than 1 MiB is answered with an error and skipped, not buffered without bound.
    @Test func anOverlongLineIsSkipped() throws {
        let input = "{\"q\": [0, 0, 0]}\n" + String(repeating: " ", count: 3_000_000) + "{\"q\": [1, 0, 0]}\n{\"q\": [0.5, 0, 0]}"
        let result = try Self.stream(["inspect", "--links", "1,0.8,0.6", "--stdin"], input: input)
        #expect(result.status == 0)
        let objects = try result.lines.map(Self.object)
        #expect(objects.count == 3)
        #expect(objects[1]["line"] as? Int == 2 && (objects[1]["error"] as? String)?.contains("longer than") == true)
        #expect(objects[2]["q"] as? [Double] == [0.5, 0, 0])
    }

    /// A driver that waits for each answer before sending the next query gets it: the answer is flushed when
    /// its line is done, not when stdin closes.
    @Test(arguments: ["inspect", "solve"])
    func eachAnswerIsFlushedBeforeTheNextQuery(command: String) throws {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = [command, "--links", "1,0.8,0.6", "--stdin"]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin; process.standardOutput = stdout; process.standardError = Pipe()
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let reader = stdout.fileHandleForReading
        for i in 0..<3 {
            try stdin.fileHandleForWriting.write(contentsOf: Data("{\"q\": [0.\(i), 0.2, 0.3], \"target\": [1, 1]}\n".utf8))
            let line = try Self.readLine(reader, timeout: 20)
            #expect(line != nil, "no answer to query \(i) while stdin is still open")
            if let line { #expect((try Self.object(Substring(line)))["q"] != nil || command == "solve") }
        }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// To a regular file the answers go in blocks; all of them arrive, in order, with the arm from a scenario.
    @Test func toAFileFromAScenario() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("answers.jsonl")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let input = dir.appendingPathComponent("queries.jsonl")
        let targets = (0..<2000).map { i in [1.2 * cos(0.003 * Double(i)), 1.2 * sin(0.003 * Double(i))] }
        try targets.map { "{\"target\": [\($0[0]), \($0[1])]}" }.joined(separator: "\n").write(to: input, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["solve", CLI.scenario("circle.json"), "--stdin"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == targets.count)
        for (line, target) in zip(lines, targets) {
            let object = try Self.object(line)
            let echoed = object["target"] as! [Double]
            #expect(abs(echoed[0] - target[0]) < 1e-14 && abs(echoed[1] - target[1]) < 1e-14)
            #expect(object["q0"] as? [Double] == [0.4, 0.6, 0.3])
            #expect(["converged", "limited"].contains(object["status"] as? String))   // circle.json has joint limits
        }
        #expect(lines.filter { $0.contains("\"converged\"") }.count > targets.count / 2)
    }

    /// The README's Python driver (standard library only) runs against the built binary and prints one line per
    /// target, each converged.
    @Test func readmePythonDriverWorks() throws {
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(python != nil, "python3 is needed to run the README's example")
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let block = readme.components(separatedBy: "```python\n").dropFirst().first?.components(separatedBy: "```").first
        let script = try #require(block).replacingOccurrences(of: "[\"armsim\",", with: "[\"\(CLI.executable.path)\",")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python!)
        process.arguments = ["-c", script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.contains(" converged ") }, "\(lines)")
    }

    /// Reads bytes until a newline, or returns nil after `timeout` seconds.
    static func readLine(_ handle: FileHandle, timeout: Double) throws -> String? {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let fd = handle.fileDescriptor
        DispatchQueue.global().async {
            var byte: UInt8 = 0
            while read(fd, &byte, 1) == 1 {
                if byte == 0x0A { break }
                box.bytes.append(byte)
            }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success else { return nil }
        return String(decoding: box.bytes, as: UTF8.self)
    }
}
