import ArgumentParser
import ArmIO
import ArmKit
import AutoDiff

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Tip pose, Jacobian and singularity analysis of an arm at one configuration.",
        discussion: """
        The arm comes from --links (and --base), or from a scenario file. Negative numbers work as
        --q=-0.5,0.3 or --q -0.5,0.3. conditionNumber is σ_max/σ_min; when σ_min = 0 it is infinite:
        printed as "inf", and null in --json.
        """
    )

    @Argument(help: "A scenario file to take the arm (links, base, task, threshold) from.")
    var scenario: String?

    @Option(help: "Link lengths in metres, comma-separated (e.g. 1,0.8,0.6).")
    var links: String?

    @Option(help: "Joint angles in radians, one per link, comma-separated.")
    var q: String

    @Option(help: "Base position x,y in metres (default 0,0).")
    var base: String?

    @Option(help: "position (2-row Jacobian) or pose (3 rows: x, y, φ).")
    var task: String?

    @Option(help: "Singular when σ_min < this (metres). Default: 1% of the arm's reach, or the scenario's.")
    var threshold: Double?

    @Flag(help: "Print JSON instead of the aligned text report.")
    var json = false

    func run() throws {
        let (arm, scenarioTask, scenarioThreshold) = try resolveArm()
        let task: IKTask
        if let name = self.task {
            guard let parsed = IKTask(rawValue: name) else {
                throw CommandFailure(message: "--task: must be 'position' or 'pose', got '\(name)'", exitCode: ExitCode32.usage)
            }
            task = parsed
        } else {
            task = scenarioTask
        }
        let angles = try NumberList.parse(q, option: "--q")
        guard angles.count == arm.jointCount else {
            throw CommandFailure(message: "--q: expected \(arm.jointCount) values (one per link), got \(angles.count)", exitCode: ExitCode32.usage)
        }
        if let threshold, !(threshold > 0 && threshold.isFinite) {
            throw CommandFailure(message: "--threshold: must be > 0, got \(threshold)", exitCode: ExitCode32.usage)
        }
        let epsilon = threshold ?? scenarioThreshold ?? SolverConfig().singularThreshold(for: arm)
        let report = InspectReport(arm: arm, q: angles, task: task, threshold: epsilon)
        print(json ? report.json() : report.text(), terminator: json ? "\n" : "")
    }

    private func resolveArm() throws -> (PlanarArm, IKTask, Double?) {
        if let scenario {
            if links != nil || base != nil {
                throw CommandFailure(message: "give either a scenario file or --links/--base, not both", exitCode: ExitCode32.usage)
            }
            do {
                let loaded = try ScenarioLoader.load(path: scenario)
                return (loaded.arm, loaded.task, loaded.solver.singularThreshold(for: loaded.arm))
            } catch {
                throw CommandFailure(message: error.problems.map(\.description).joined(separator: "\n"), exitCode: ExitCode32.invalidScenario)
            }
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
            return (try PlanarArm(links: lengths, base: origin), .position, nil)
        } catch {
            let field = error.field.hasPrefix("links") ? "--" + error.field : "--\(error.field)"
            throw CommandFailure(message: "\(field): \(error.message)", exitCode: ExitCode32.usage)
        }
    }
}
