import ArmIO
import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// Builds run plots: from a trajectory file (streamed into a `RunEnvelope`) or straight from a scenario's
/// simulation (for `run --headless --plot`), with the tolerance and ε lines and where they came from.
enum PlotRunPicture {
    /// Twice the pixel width in bins: every pixel column gets at least one bin.
    static func binCount(width: Int) -> Int { max(64, 2 * width) }

    static func fromFile(_ path: String, scenario: Scenario?, panels: [RunPlotPanel], width: Int, height: Int) throws(CommandFailure) -> [UInt8] {
        let reader: TrajectoryReader
        do { reader = try TrajectoryReader(path: path) } catch { throw CommandFailure(message: error.description) }
        if let scenario, scenario.arm.jointCount != reader.layout.jointCount {
            throw CommandFailure(message: "--scenario: its arm has \(scenario.arm.jointCount) joints, \(path) has \(reader.layout.jointCount)", exitCode: ExitCode32.usage)
        }
        let envelope = RunEnvelope(jointCount: reader.layout.jointCount, binCapacity: binCount(width: width))
        do {
            try reader.forEachRow { row in
                envelope.add(t: row.t, values: UnsafeBufferPointer(row.values), singular: row.singular,
                             singularity: row.singularity, status: row.status)
            }
        } catch { throw CommandFailure(message: error.description) }
        guard envelope.rows > 0 else { throw CommandFailure(message: "\(path): has no data rows to plot") }
        let name = String(path.split(separator: "/").last ?? Substring(path))
        return try render(envelope, scenario: scenario, panels: panels, title: "\(name): \(envelope.rows) rows, \(reader.layout.task.rawValue) task", width: width, height: height)
    }

    static func fromScenario(_ scenario: Scenario, panels: [RunPlotPanel], width: Int, height: Int) throws(CommandFailure) -> [UInt8] {
        let envelope = RunEnvelope(jointCount: scenario.arm.jointCount, binCapacity: binCount(width: width))
        let simulator = Simulator(scenario: scenario)
        var values = [Double](repeating: 0, count: envelope.seriesCount)
        let n = scenario.arm.jointCount
        while simulator.advance({ frame in
            for i in 0..<n { values[i] = frame.q[i] }
            values[n] = frame.error; values[n + 1] = frame.sigmaMin; values[n + 2] = frame.damping; values[n + 3] = Double(frame.iterations)
            values.withUnsafeBufferPointer { envelope.add(t: frame.t, values: $0, singular: frame.singular, singularity: frame.singularity, status: frame.status) }
        }) {}
        return try render(envelope, scenario: scenario, panels: panels, title: "\(scenario.name): \(envelope.rows) frames, \(scenario.task.rawValue) task", width: width, height: height)
    }

    private static func render(_ envelope: RunEnvelope, scenario: Scenario?, panels: [RunPlotPanel], title: String,
                               width: Int, height: Int) throws(CommandFailure) -> [UInt8] {
        var picture = RunPlotPicture(envelope: envelope)
        picture.panels = panels
        (picture.tolerance, picture.epsilon) = guides(envelope, scenario)
        picture.title = title
        do { return try picture.png(width: width, height: height) } catch { throw CommandFailure(message: error.description) }
    }

    /// From the scenario when there is one; else the README's default tolerance, and ε inferred from the file's
    /// own singular flags (the largest σ_min flagged singular) when any row is singular.
    static func guides(_ e: RunEnvelope, _ scenario: Scenario?) -> (PlotGuide, PlotGuide?) {
        if let scenario {
            let eps = scenario.solver.singularThreshold(for: scenario.arm)
            return (PlotGuide(value: scenario.solver.tolerance, label: "tol \(NiceTicks(scenario.solver.tolerance)) (scenario)"),
                    PlotGuide(value: eps, label: "ε = \(NiceTicks(eps)) (scenario)"))
        }
        let tolerance = PlotGuide(value: SolverConfig().tolerance, label: "tol \(NiceTicks(SolverConfig().tolerance)) (default)")
        guard e.largestSingularSigma.isFinite else { return (tolerance, nil) }
        return (tolerance, PlotGuide(value: e.largestSingularSigma, label: "ε ≈ \(NiceTicks(e.largestSingularSigma)) (from flags)"))
    }

    private static func NiceTicks(_ v: Double) -> String { String(cFormat: "%.3g", v) }
}
