import ArmIO
import ArmKit

/// The arm for `inspect` and `solve`: from a scenario file or from --links/--base, with what the scenario
/// adds (task, solver settings, initial q).
struct InspectArmSource {
    var arm: PlanarArm
    /// The scenario's task, if the arm came from one.
    var task: IKTask?
    var solver: SolverConfig
    var initial: [Double]?

    static func resolve(scenario: String?, links: String?, base: String?) throws(CommandFailure) -> InspectArmSource {
        if let scenario {
            if links != nil || base != nil {
                throw CommandFailure(message: "give either a scenario file or --links/--base, not both", exitCode: ExitCode32.usage)
            }
            let loaded = try ScenarioInput.load(scenario)
            return InspectArmSource(arm: loaded.arm, task: loaded.task, solver: loaded.solver, initial: loaded.initial)
        }
        guard let links else {
            throw CommandFailure(message: "--links: required (or give a scenario file)", exitCode: ExitCode32.usage)
        }
        return InspectArmSource(arm: try ArmFromOptions.arm(links: links, base: base), task: nil, solver: SolverConfig(), initial: nil)
    }

    /// --task, else the scenario's, else position; and whether it was given (a target must then match it).
    func task(_ option: IKTask?) -> (IKTask, given: Bool) {
        if let option { return (option, true) }
        return (task ?? .position, task != nil)
    }
}
