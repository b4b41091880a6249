import Foundation
import Glibc
import Testing
@testable import ArmIO
import ArmKit

@Suite("Input: trajectory reader")
struct InputTrajectoryReaderTests {
    func temporaryFile(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "armio-input-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    /// Writes a shipped scenario's run with the real writer; returns the path and the frames.
    func written(_ name: String, _ format: TrajectoryFormat) throws -> (String, [Frame]) {
        let scenario = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath(name))
        let path = temporaryFile("run.\(format.rawValue)")
        let file = try AtomicFileOutput(path: path)
        let writer = TrajectoryWriter(format: format, jointCount: scenario.arm.jointCount, task: scenario.task, sink: file)
        try writer.writeHeader()
        var frames: [Frame] = []
        for frame in Simulator(scenario: scenario) { try writer.write(frame); frames.append(frame) }
        try writer.finish()
        try file.commit()
        return (path, frames)
    }

    @Test(arguments: ["circle", "pose", "unreachable"], [TrajectoryFormat.csv, .jsonl])
    func readsBackWhatRunWrites(name: String, format: TrajectoryFormat) throws {
        let (path, frames) = try written(name, format)
        let reader = try TrajectoryReader(path: path)
        #expect(reader.layout.jointCount == frames[0].q.count && reader.layout.format == format)
        var k = 0
        try reader.forEachRow { row in
            let f = frames[k]
            let n = f.q.count
            #expect(row.t == f.t && Array(row.values.prefix(n)) == f.q)
            #expect(row.values[n] == f.error && row.values[n + 1] == f.sigmaMin && row.values[n + 2] == f.damping)
            #expect(row.values[n + 3] == Double(f.iterations))
            #expect(row.status == f.status && row.singularity == f.singularity && row.singular == f.singular)
            k += 1
        }
        #expect(k == frames.count)
    }

    @Test func acceptsColumnsAppendedAfterStatus() throws {
        let path = temporaryFile("extra.csv")
        try "t,target_x,target_y,q0,q1,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status,condition_number,saddle_escapes\n0,1,0,0.1,0.2,1,0,1e-9,0.5,0.4,0,2,false,none,converged,3.5,0\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        var rows = 0
        try TrajectoryReader(path: path).forEachRow { row in rows += 1; #expect(row.values[1] == 0.2) }
        #expect(rows == 1)
    }

    @Test func rejectsWhatIsNotArmsims() throws {
        let cases: [(String, String)] = [
            ("date,amount\n2026-01-01,3\n", "line 1: not an armsim trajectory"),
            ("", "is empty"),
            ("{\"name\":\"x\"}\n", "line 1: not an armsim trajectory"),
            ("t,target_x,target_y,q0,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status\n0,1,0,abc,1,0,0,1,1,0,1,false,none,converged\n",
             "line 2: field 'q0': expected a number, got 'abc'"),
            ("t,target_x,target_y,q0,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status\n0,1,0,0,1,0,0,1,1,0,1,false,none,happy\n",
             "line 2: field 'status': expected converged"),
            ("t,target_x,target_y,q0,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status\n0,1,0\n",
             "line 2: expected 14 fields, got 3"),
        ]
        for (text, message) in cases {
            let path = temporaryFile("bad.csv")
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            do {
                try TrajectoryReader(path: path).forEachRow { _ in }
                Issue.record("accepted: \(text.prefix(40))")
            } catch {
                #expect(error.description.hasPrefix(path + ": ") && error.description.contains(message), "\(error.description)")
                #expect(!error.description.contains("\n"))
            }
        }
    }
}

@Suite("Input: fast decimal path")
struct InputFastDecimalTests {
    /// Wherever the fast path answers, it is the double strtod gives; shortest-form output of random doubles.
    @Test func agreesWithStrtodBitForBit() {
        var rng = SplitMix64(seed: 99)
        var answered = 0
        for k in 0..<200_000 {
            let x: Double
            switch k % 3 {
            case 0: x = Double(bitPattern: rng.next() & 0x7FEF_FFFF_FFFF_FFFF) * (k % 2 == 0 ? 1 : -1)
            case 1: x = Double(Int64(bitPattern: rng.next()) % 1_000_000) / 1000
            default: x = Double.random(in: -10...10, using: &rng)
            }
            for text in [ShortestDouble.string(x), "\(x)"] {
                let bytes = Array(text.utf8)
                guard let fast = bytes.withUnsafeBufferPointer({ FastDecimal.parse($0) }) else { continue }
                answered += 1
                #expect(fast.bitPattern == strtod(text, nil).bitPattern, "\(text)")
            }
        }
        #expect(answered > 100_000)
    }
}
