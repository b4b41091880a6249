import ArmIO
import ArmKit

/// What a landscape is drawn around: an arm, a task, a configuration q and a target, from a scenario at a
/// time (its solved q and that frame's target) or from --links/--q/--target.
struct LandscapeProblem {
    var arm: PlanarArm
    var task: IKTask
    var q: [Double]
    var target: Pose2D
    var solver: SolverConfig
    var source: String

    static func fromScenario(_ path: String, time: Double?) throws(CommandFailure) -> LandscapeProblem {
        let scenario = try ScenarioInput.load(path)
        let sim = scenario.simulation
        let t = time ?? 0
        guard t.isFinite, t >= 0, t <= sim.duration + sim.dt / 2 else {
            throw CommandFailure(message: "--time: must be within 0…\(sim.duration) s (the scenario's duration), got \(t)", exitCode: ExitCode32.usage)
        }
        let k = min(sim.lastIndex, Int((t / sim.dt).rounded()))
        let simulator = Simulator(scenario: scenario)
        var last: Frame?
        while simulator.upcomingIndex <= k, let frame = simulator.next() { last = frame }
        guard let frame = last else { throw CommandFailure(message: "\(path): the scenario produced no frames") }
        return LandscapeProblem(arm: scenario.arm, task: scenario.task, q: frame.q, target: frame.target,
                                solver: scenario.solver, source: "\(scenario.name) at t = \(frame.t) s")
    }

    static func fromOptions(links: String?, base: String?, q: String?, target: String?, task: IKTask) throws(CommandFailure) -> LandscapeProblem {
        guard let links else { throw CommandFailure(message: "--links: required (or give a scenario file)", exitCode: ExitCode32.usage) }
        let arm = try ArmFromOptions.arm(links: links, base: base)
        let angles = try q.map { (text: String) throws(CommandFailure) in try NumberList.parse(text, option: "--q") } ?? [Double](repeating: 0, count: arm.jointCount)
        guard angles.count == arm.jointCount else {
            throw CommandFailure(message: "--q: expected \(arm.jointCount) values (one per link), got \(angles.count)", exitCode: ExitCode32.usage)
        }
        guard let target else { throw CommandFailure(message: "--target: required with --links (x,y or x,y,phi)", exitCode: ExitCode32.usage) }
        let t = try NumberList.parse(target, option: "--target")
        guard t.count == task.dimension else {
            throw CommandFailure(message: "--target: expected \(task.dimension) values for the \(task.rawValue) task, got \(t.count)", exitCode: ExitCode32.usage)
        }
        return LandscapeProblem(arm: arm, task: task, q: angles, target: Pose2D(x: t[0], y: t[1], phi: t.count > 2 ? t[2] : 0),
                                solver: SolverConfig(), source: "links \(links)")
    }
}
