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
        let lengths = try NumberList.parse(links, option: "--links")
        var origin = Point2D.origin
        if let base {
            let xy = try NumberList.parse(base, option: "--base")
            guard xy.count == 2 else {
                throw CommandFailure(message: "--base: expected 2 values x,y, got \(xy.count)", exitCode: ExitCode32.usage)
            }
            origin = Point2D(x: xy[0], y: xy[1])
        }
        do {
            return InspectArmSource(arm: try PlanarArm(links: lengths, base: origin), task: nil, solver: SolverConfig(), initial: nil)
        } catch {
            throw CommandFailure(message: "--\(error.field): \(error.message)", exitCode: ExitCode32.usage)
        }
    }

    /// --task, else the scenario's, else position; and whether it was given (a target must then match it).
    func task(_ option: String?) throws(CommandFailure) -> (IKTask, given: Bool) {
        if let option {
            guard let parsed = IKTask(rawValue: option) else {
                throw CommandFailure(message: "--task: must be 'position' or 'pose', got '\(option)'", exitCode: ExitCode32.usage)
            }
            return (parsed, true)
        }
        return (task ?? .position, task != nil)
    }
}
