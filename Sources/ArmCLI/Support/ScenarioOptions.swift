import ArmIO
import ArmKit

/// Loading a scenario for a command, with every problem printed and the invalid-scenario exit code.
enum ScenarioInput {
    static func load(_ path: String, duration: Double? = nil) throws(CommandFailure) -> Scenario {
        var scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: path)
        } catch {
            let lines = error.problems.map(\.description)
            for line in lines.dropLast() { Diagnostics.error(line) }
            throw CommandFailure(message: lines.last ?? "\(path): invalid scenario", exitCode: ExitCode32.invalidScenario)
        }
        if let duration {
            guard duration.isFinite, duration > 0 else {
                throw CommandFailure(message: "--duration: must be > 0 seconds, got \(duration)", exitCode: ExitCode32.usage)
            }
            let frames = duration / scenario.simulation.dt
            guard frames < Double(SimulationConfig.maxFrames) else {
                throw CommandFailure(message: "--duration: \(duration) s at dt \(scenario.simulation.dt) s is more than \(SimulationConfig.maxFrames) frames", exitCode: ExitCode32.usage)
            }
            scenario.simulation.duration = duration
        }
        return scenario
    }
}
