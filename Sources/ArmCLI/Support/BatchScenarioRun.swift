import ArmIO
import ArmKit

/// One scenario of a batch: load it, simulate it, write its trajectory atomically to its own file. Every
/// failure becomes a message for that scenario alone; nothing here touches another scenario's state.
struct BatchScenarioRun {
    enum Outcome {
        /// The summary line (with the file written) and the frame count.
        case written(line: String, frames: Int)
        /// Lines naming the scenario and what went wrong (all of a scenario's validation problems).
        case failed(lines: [String])
    }

    let item: BatchPlan.Item
    let format: TrajectoryFormat
    let duration: Double?

    func run() -> Outcome {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: item.scenarioPath)
        } catch {
            return .failed(lines: error.problems.map(\.description))
        }
        var adjusted = scenario
        if let duration {
            guard duration / scenario.simulation.dt < Double(SimulationConfig.maxFrames) else {
                return .failed(lines: ["\(item.scenarioPath): --duration: \(duration) s at dt \(scenario.simulation.dt) s "
                                       + "is more than \(SimulationConfig.maxFrames) frames"])
            }
            adjusted.simulation.duration = duration
        }
        let start = ContinuousClock.now
        do {
            let summary = try simulate(adjusted)
            return .written(line: summary.line(name: adjusted.name, wallSeconds: start.secondsUntilNow) + "; wrote \(item.outputPath)",
                            frames: summary.frames)
        } catch {
            return .failed(lines: ["\(item.scenarioPath): \(error)"])
        }
    }

    /// The headless loop into a temporary file beside the output, renamed into place only when complete.
    private func simulate(_ scenario: Scenario) throws -> RunSummary {
        // Not synced one by one: BatchRun flushes the whole directory once at the end (OutputDirectory.flushToDisk).
        let file = try AtomicFileOutput(path: item.outputPath, durable: false, startsWriteback: true)
        do {
            let writer = TrajectoryWriter(format: format, jointCount: scenario.arm.jointCount, task: scenario.task,
                                          sink: file)
            let simulator = Simulator(scenario: scenario)
            var summary = RunSummary(task: scenario.task)
            try writer.writeHeader()
            while try simulator.advance({ frame throws in
                try writer.write(frame)
                summary.add(frame)
            }) {}
            try writer.finish()
            try file.commit()
            return summary
        } catch {
            file.abort()
            throw error
        }
    }
}
