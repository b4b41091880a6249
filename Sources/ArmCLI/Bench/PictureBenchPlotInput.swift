import ArmIO
import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// `plot_rows`: what `armsim plot` does per row, timed per call of 10,000 rows (×100 for a 10⁶-row file): the
/// CSV read from a file through `TrajectoryReader` into a `RunEnvelope` of 2,560 bins. Drawing the PNG is not
/// included (it does not depend on the row count). The CSV is a real run of the bench scenario, written once
/// to a temporary file that is deleted with the workload.
final class PictureBenchPlotInput {
    let path: String
    let rows: Int
    let jointCount: Int

    init(scenario: Scenario, rows: Int = 10_000) throws {
        var s = scenario
        s.simulation.duration = Double(rows - 1) * s.simulation.dt
        path = Self.temporaryDirectory.joinedPath("armsim-bench-plot-\(getpid())-\(scenario.arm.jointCount).csv")
        jointCount = s.arm.jointCount
        let file = try AtomicFileOutput(path: path)
        let writer = TrajectoryWriter(format: .csv, jointCount: jointCount, task: s.task, sink: file)
        try writer.writeHeader()
        let simulator = Simulator(scenario: s)
        while try simulator.advance({ frame throws in try writer.write(frame) }) {}
        try writer.finish()
        try file.commit()
        self.rows = writer.framesWritten
    }

    deinit { unlink(path) }

    /// Reads the file once; returns a value folded from the envelope.
    func readOnce() -> Double {
        guard let reader = try? TrajectoryReader(path: path) else { return .nan }
        let envelope = RunEnvelope(jointCount: jointCount, binCapacity: 2_560)
        try? reader.forEachRow { row in
            envelope.add(t: row.t, values: UnsafeBufferPointer(row.values), singular: row.singular,
                         singularity: row.singularity, status: row.status)
        }
        return Double(envelope.rows) + (envelope.timeRange?.1 ?? 0)
    }

    var workload: BenchWorkload {
        BenchWorkload("plot_rows") { count in (0..<count).reduce(0.0) { acc, _ in acc + self.readOnce() } }
    }
}

extension PictureBenchPlotInput {
    /// $TMPDIR, else /tmp.
    static var temporaryDirectory: String {
        guard let raw = getenv("TMPDIR"), raw.pointee != 0 else { return "/tmp" }
        return String(cString: raw)
    }
}
