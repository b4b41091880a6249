import Foundation
import Testing
@testable import ArmIO
import ArmKit

func outputSampleFrame(index: Int = 7, jointCount: Int = 3, singular: Bool = false,
                       status: SolveStatus = .converged) -> Frame {
    Frame(index: index, t: Double(index) * 0.01,
          target: Pose2D(x: 0.1, y: -1.234567890123456e-3, phi: 0.7853981633974483),
          q: (0..<jointCount).map { Double($0) * 0.3 - 1.0 / 3.0 },
          tip: Pose2D(x: 0.10000000000000002, y: -0.0012345678901234, phi: 0.785398163397448),
          error: 2.1e-7, sigmaMin: 0.42, manipulability: .leastNonzeroMagnitude, damping: 0, iterations: 3,
          singular: singular, singularity: singular ? .boundary : .none, status: status)
}

private struct DecodedRow: Decodable {
    var t, target_x, target_y: Double
    var target_phi: Double?
    var q: [Double]
    var tip_x, tip_y: Double
    var tip_phi: Double?
    var error, sigma_min, manipulability, damping: Double
    var iterations: Int
    var singular: Bool
    var singularity, status: String
}

@Suite("Output: trajectory writer")
struct OutputTrajectoryWriterTests {
    @Test func csvHeaderPosition() {
        #expect(TrajectoryWriter.csvHeader(jointCount: 3, task: .position)
            == "t,target_x,target_y,q0,q1,q2,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status,condition_number,saddle_escapes")
    }

    @Test func csvHeaderPose() {
        #expect(TrajectoryWriter.csvHeader(jointCount: 3, task: .pose)
            == "t,target_x,target_y,target_phi,q0,q1,q2,tip_x,tip_y,tip_phi,error,sigma_min,manipulability,damping,iterations,singular,singularity,status,condition_number,saddle_escapes")
    }

    @Test("a CSV row parses back to the frame's values", arguments: IKTask.allCases)
    func csvRow(task: IKTask) throws {
        let sink = MemorySink()
        let writer = TrajectoryWriter(format: .csv, jointCount: 3, task: task, sink: sink)
        try writer.writeHeader()
        let frame = outputSampleFrame(singular: true, status: .limited)
        try writer.write(frame)
        try writer.finish()
        let lines = sink.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty)
        let header = lines[0].split(separator: ",").map(String.init)
        let fields = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(header.count == fields.count)
        var row: [String: String] = [:]
        for (key, value) in zip(header, fields) { row[key] = value }
        func number(_ key: String) -> Double? { row[key].flatMap(Double.init) }
        #expect(number("t") == frame.t)
        #expect(number("target_x") == frame.target.x)
        #expect(number("target_y") == frame.target.y)
        #expect(number("q0") == frame.q[0] && number("q1") == frame.q[1] && number("q2") == frame.q[2])
        #expect(number("tip_x") == frame.tip.x)
        #expect(number("tip_y") == frame.tip.y)
        if task == .pose {
            #expect(number("target_phi") == frame.target.phi)
            #expect(number("tip_phi") == frame.tip.phi)
        } else {
            #expect(row["target_phi"] == nil && row["tip_phi"] == nil)
        }
        #expect(number("error") == frame.error)
        #expect(number("sigma_min") == frame.sigmaMin)
        #expect(number("manipulability") == frame.manipulability)
        #expect(number("damping") == frame.damping)
        #expect(row["iterations"] == "3")
        #expect(row["singular"] == "true")
        #expect(row["singularity"] == "boundary")
        #expect(row["status"] == "limited")
        #expect(writer.framesWritten == 1)
    }

    @Test("a JSON Lines object parses back (JSONSerialization) with keys in CSV order", arguments: IKTask.allCases)
    func jsonLine(task: IKTask) throws {
        let sink = MemorySink()
        let writer = TrajectoryWriter(format: .jsonl, jointCount: 3, task: task, sink: sink)
        try writer.writeHeader()  // no-op for JSON Lines
        let frame = outputSampleFrame()
        try writer.write(frame)
        try writer.finish()
        let text = sink.text
        #expect(text.hasPrefix("{\"t\":0.07,\"target_x\":0.1,"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        // corelibs JSONSerialization returns NSDecimalNumber for fractions, whose `doubleValue` is not
        // correctly rounded (0.10000000000000002 → 0.10000000000000005); its description keeps the exact text.
        func exact(_ value: Any?) -> Double? { (value as? NSNumber).flatMap { Double($0.description) } }
        func number(_ key: String) -> Double? { exact(object[key]) }
        #expect(number("t") == frame.t)
        #expect(number("target_x") == frame.target.x)
        #expect(number("target_y") == frame.target.y)
        let q = try #require(object["q"] as? [Any]).map(exact)
        #expect(q == frame.q)
        // And JSONDecoder, which parses numbers exactly, agrees bit for bit.
        let decoded = try JSONDecoder().decode(DecodedRow.self, from: Data(text.utf8))
        #expect(decoded.t == frame.t && decoded.target_x == frame.target.x && decoded.target_y == frame.target.y)
        #expect(decoded.q == frame.q && decoded.tip_x == frame.tip.x && decoded.tip_y == frame.tip.y)
        #expect(decoded.error == frame.error && decoded.sigma_min == frame.sigmaMin)
        #expect(decoded.manipulability == frame.manipulability && decoded.damping == frame.damping)
        #expect(decoded.target_phi == (task == .pose ? frame.target.phi : nil))
        #expect(decoded.tip_phi == (task == .pose ? frame.tip.phi : nil))
        #expect(number("tip_x") == frame.tip.x)
        #expect(number("tip_y") == frame.tip.y)
        #expect(number("error") == frame.error)
        #expect(number("sigma_min") == frame.sigmaMin)
        #expect(number("manipulability") == frame.manipulability)
        #expect(number("damping") == frame.damping)
        #expect((object["iterations"] as? NSNumber)?.intValue == 3)
        #expect(object["singular"] as? Bool == false)
        #expect(object["singularity"] as? String == "none")
        #expect(object["status"] as? String == "converged")
        if task == .pose {
            #expect(number("target_phi") == frame.target.phi)
            #expect(number("tip_phi") == frame.tip.phi)
        }
        // Key order: as in the CSV header, with q0…q2 folded into q.
        let keys = text.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            .filter { !["none", "converged"].contains($0) }
        let expected = TrajectoryWriter.csvHeader(jointCount: 3, task: task).split(separator: ",").map(String.init)
            .filter { !$0.hasPrefix("q") || $0 == "q0" }.map { $0 == "q0" ? "q" : $0 }
        #expect(keys == expected)
    }

    @Test("chunked flushing gives the same bytes as one big chunk, in chunks of about chunkSize")
    func chunking() throws {
        let small = MemorySink()
        let big = MemorySink()
        for format in TrajectoryFormat.allCases {
            let a = TrajectoryWriter(format: format, jointCount: 5, task: .pose, sink: small, chunkSize: 1000)
            let b = TrajectoryWriter(format: format, jointCount: 5, task: .pose, sink: big)
            try a.writeHeader()
            try b.writeHeader()
            for k in 0..<500 {
                let f = outputSampleFrame(index: k, jointCount: 5, singular: k % 7 == 0)
                try a.write(f)
                try b.write(f)
            }
            try a.finish()
            try b.finish()
            #expect(a.bytesFlushed == b.bytesFlushed)
        }
        #expect(small.bytes == big.bytes)
        #expect(small.writeCount > 50)
        #expect(big.writeCount < small.writeCount)
    }

    @Test("non-finite values become an empty CSV field or JSON null and are counted")
    func nonFinite() throws {
        var frame = outputSampleFrame()
        frame.error = .nan
        frame.sigmaMin = .infinity
        let csv = MemorySink()
        let w1 = TrajectoryWriter(format: .csv, jointCount: 3, task: .position, sink: csv)
        try w1.write(frame)
        try w1.finish()
        #expect(w1.nonFiniteValues == 2)
        #expect(csv.text.contains(",2.1e-7,") == false)
        #expect(csv.text.split(separator: ",", omittingEmptySubsequences: false).count == 18)
        #expect(csv.text.contains(",,,5e-324,"))

        let json = MemorySink()
        let w2 = TrajectoryWriter(format: .jsonl, jointCount: 3, task: .position, sink: json)
        try w2.write(frame)
        try w2.finish()
        #expect(w2.nonFiniteValues == 2)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any])
        #expect(object["error"] is NSNull)
        #expect(object["sigma_min"] is NSNull)
    }

    @Test func negativeAndLargeIntegers() throws {
        var frame = outputSampleFrame(jointCount: 0)
        frame.iterations = 1234567
        frame.t = -0.0
        let sink = MemorySink()
        let writer = TrajectoryWriter(format: .csv, jointCount: 0, task: .position, sink: sink)
        try writer.write(frame)
        try writer.finish()
        #expect(sink.text.hasPrefix("-0,0.1,"))
        #expect(sink.text.contains(",1234567,false,none,converged,,0\n"))
    }

    @Test func formatInference() {
        #expect(TrajectoryFormat(rawValue: "csv") == .csv)
        #expect(TrajectoryFormat(rawValue: "jsonl") == .jsonl)
        #expect(TrajectoryFormat.inferred(fromPath: "out/run.CSV") == .csv)
        #expect(TrajectoryFormat.inferred(fromPath: "run.ndjson") == .jsonl)
        #expect(TrajectoryFormat.inferred(fromPath: "dir.csv/run") == nil)
        #expect(TrajectoryFormat.inferred(fromPath: "/dev/null") == nil)
    }
}

@Suite("Output: run summary")
struct OutputRunSummaryTests {
    @Test func accumulatesAndFormats() {
        var summary = RunSummary()
        for k in 0..<801 {
            var frame = outputSampleFrame(index: k, singular: k == 5, status: k == 9 ? .unreachable : k == 10 ? .stalled : .converged)
            frame.error = k == 400 ? 2.1e-7 : 1e-8
            frame.iterations = 2
            summary.add(frame)
        }
        #expect(summary.frames == 801)
        #expect(summary.maxError == 2.1e-7)
        #expect(summary.finalError == 1e-8)
        #expect(summary.singularFrames == 1)
        #expect(summary.count(of: .unreachable) == 1)
        #expect(summary.count(of: .stalled) == 1)
        #expect(summary.totalIterations == 1602)
        #expect(abs(summary.meanError - (800 * 1e-8 + 2.1e-7) / 801) < 1e-20)
        #expect(summary.line(name: "circle", wallSeconds: 0.0123, outputs: ["wrote 'out.csv' (52.1 kB)"])
            == "circle: 801 frames, error (m) max 2.1e-07 mean 1e-08 final 1e-08, singular frames 1, unreachable frames 1, stalled frames 1, solver iterations 1602, wall time 12.3 ms, wrote 'out.csv' (52.1 kB)")
        #expect(RunSummary(task: .pose).line(name: "empty", wallSeconds: 2.5)
            == "empty: 0 frames, singular frames 0, unreachable frames 0, solver iterations 0, wall time 2.50 s")
        #expect(RunSummary.size(bytes: 812) == "812 B" && RunSummary.size(bytes: 52_100) == "52.1 kB")
        #expect(RunSummary.size(bytes: 3_400_000) == "3.40 MB")
    }

    @Test func neverPrintsNaN() {
        var summary = RunSummary()
        var frame = outputSampleFrame(index: 0, singular: false, status: .converged)
        frame.error = .nan
        summary.add(frame)
        let line = summary.line(name: "x", wallSeconds: .nan)
        #expect(!line.lowercased().contains("nan"), "\(line)")
        #expect(line.contains("non-finite errors 1"))
    }
}

@Suite("Output: progress")
struct OutputProgressTests {
    @Test("draws only when forced or on a terminal, and erases its line at the end")
    func drawsAndClears() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let silent = ProgressReporter(label: "x", totalFrames: 10, fileDescriptor: fds[1], isTerminal: false)
        #expect(!silent.isEnabled)
        let quiet = ProgressReporter(label: "x", totalFrames: 10, quiet: true, fileDescriptor: fds[1], isTerminal: true)
        #expect(!quiet.isEnabled)
        let progress = ProgressReporter(label: "circle", totalFrames: 1000, fileDescriptor: fds[1], isTerminal: true,
                                        interval: 0, delay: 0, checkEvery: 1)
        progress.update(framesDone: 250)
        progress.finish()
        silent.update(framesDone: 1_000_000)
        silent.finish()
        close(fds[1])
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(fds[0], &chunk, chunk.count)
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("\rcircle: 250/1000 frames (25%)"))
        #expect(text.hasSuffix("\r\u{1B}[K"))
        #expect(progress.text(framesDone: 2_000_000, elapsed: 1) == "circle: 2000000/1000 frames (100%), 2.0 M frames/s, elapsed 0:01")
        #expect(progress.text(framesDone: 250, elapsed: 5) == "circle: 250/1000 frames (25%), 50 frames/s, elapsed 0:05, ETA 0:15")
        progress.note = "12 PNGs"
        #expect(progress.text(framesDone: 250, elapsed: 3725) == "circle: 250/1000 frames (25%), 0 frames/s, elapsed 1:02:05, ETA 3:06:15, 12 PNGs")
    }
}
