import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

struct WorkspaceCommand: Subcommand {
    static let spec = CommandSpec(
        name: "workspace",
        abstract: "Draw the workspace map: where the tip can go and how well conditioned the arm is there.",
        discussion: """
        Joint space is sampled uniformly (within joint limits, else −π…π; seeded, so a run is reproducible), each sample's tip is binned into a square grid around the base, and each cell is coloured by the best value reached there: manipulability √det(J Jᵀ), the smallest singular value σ_min, or the number of samples (reach-count). The outer circle Σ L and the inner hole are drawn; with a scenario, its path too. Samples are split into fixed seeded chunks over every core and merged by max or integer sum, so the map is identical whatever the core count.

        --ellipse adds velocity ellipses of J Jᵀ (the tip velocities reachable with unit joint speed) with their arms: at 8 frames of the scenario's run, or at --q with --links.

        Examples:
          armsim workspace scenarios/circle.json --output workspace.png
          armsim workspace --links 1,0.8,0.6 --metric sigma-min --output ws.png
        """,
        positional: PositionalSpec(valueName: "SCENARIO", help: "A scenario file (the arm, and its path drawn over the map).", arity: .optional),
        options: [
            .value("--links", "LIST", "Link lengths in metres, comma-separated."),
            .value("--base", "X,Y", "Base position x,y in metres (default 0,0)."),
            .value("--q", "LIST", "With --links and --ellipse: the configuration to draw, radians."),
            .choice("--metric", WorkspaceMetricOption.self, "What colours a cell.", default: .manipulability),
            .value("--samples", "N", "Joint-space samples (1…1000000000).", default: "1000000"),
            .value("--seed", "N", "Random seed for the samples.", default: "1"),
            .value("--resolution", "N", "Cells each way (8…2048).", default: "256"),
            .value("--threads", "N", "Worker threads (default: one per core; the map is the same for any count)."),
            .flag("--ellipse", "Draw velocity ellipses of J Jᵀ with their arms."),
            .value("--output", "FILE", "The PNG file to write."),
            .value("--size", "WxH", "Image size in pixels.", default: "1280x800"),
        ]
    )

    let scenario: String?
    let links: String?
    let base: String?
    let q: String?
    let metric: WorkspaceMetricOption
    let samples: Int
    let seed: UInt64
    let resolution: Int
    let threads: Int?
    let ellipse: Bool
    let output: String
    let size: String

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        scenario = arguments.positionals.first
        links = arguments.string("--links")
        base = arguments.string("--base")
        q = arguments.string("--q")
        metric = try arguments.choice("--metric") ?? .manipulability
        samples = try arguments.int("--samples") ?? 1_000_000
        seed = try arguments.uint64("--seed") ?? 1
        resolution = try arguments.int("--resolution") ?? 256
        threads = try arguments.int("--threads")
        ellipse = arguments.flag("--ellipse")
        output = try arguments.required("--output")
        size = arguments.string("--size") ?? "1280x800"
    }

    func run() throws {
        try DrawingHost.require()
        let imageSize = try SizeOption.parse(size); let (width, height) = (imageSize.width, imageSize.height)
        guard (1...1_000_000_000).contains(samples) else {
            throw CommandFailure(message: "--samples: must be 1…1000000000, got \(samples)", exitCode: ExitCode32.usage)
        }
        guard (8...2048).contains(resolution) else {
            throw CommandFailure(message: "--resolution: must be 8…2048 cells each way, got \(resolution)", exitCode: ExitCode32.usage)
        }
        if let threads, !(1...256).contains(threads) {
            throw CommandFailure(message: "--threads: must be 1…256, got \(threads)", exitCode: ExitCode32.usage)
        }
        let (arm, picturePath, configurations, name) = try resolveInputs()
        var sampler = WorkspaceSampler(arm: arm)
        sampler.metric = metric.metric
        sampler.samples = samples
        sampler.seed = seed
        sampler.resolution = resolution
        let start = ContinuousClock.now
        let map = sampler.run(workers: threads ?? BatchWorkers.coreCount)
        let sampling = start.secondsUntilNow
        var picture = WorkspacePicture(map: map, arm: arm)
        picture.path = picturePath
        picture.ellipseConfigurations = ellipse ? configurations : []
        picture.title = "Workspace of \(name): \(metric.rawValue) by sampling joint space (seed \(seed))"
        let bytes: [UInt8]
        do { bytes = try picture.png(width: width, height: height) } catch { throw CommandFailure(message: "\(error)") }
        try PlotOutputFile.write(bytes, to: output)
        Diagnostics.info("wrote \(output) " + String(cFormat: "(%dx%d): %d samples in %.3f s, %.3f s in all", width, height,
                                                              samples, sampling, start.secondsUntilNow))
    }

    /// The arm, the path to overlay, the ellipse configurations and a name for the title.
    private func resolveInputs() throws(CommandFailure) -> (PlanarArm, [Point2D], [[Double]], String) {
        if let scenario {
            if links != nil || base != nil || q != nil {
                throw CommandFailure(message: "give either a scenario file or --links/--base/--q, not both", exitCode: ExitCode32.usage)
            }
            let loaded = try ScenarioInput.load(scenario)
            return (loaded.arm, ScenarioPathPoints.points(loaded), ellipse ? Self.frames(loaded, count: 8) : [], loaded.name)
        }
        guard let links else { throw CommandFailure(message: "--links: required (or give a scenario file)", exitCode: ExitCode32.usage) }
        let arm = try ArmFromOptions.arm(links: links, base: base)
        var configurations: [[Double]] = []
        if let q {
            let angles = try NumberList.parse(q, option: "--q")
            guard angles.count == arm.jointCount else {
                throw CommandFailure(message: "--q: expected \(arm.jointCount) values (one per link), got \(angles.count)", exitCode: ExitCode32.usage)
            }
            configurations = [angles]
        } else if ellipse {
            throw CommandFailure(message: "--ellipse: with --links, give the configuration with --q", exitCode: ExitCode32.usage)
        }
        return (arm, [], configurations, "links \(links)")
    }

    /// The solved q at `count` evenly spaced frames of the scenario's run.
    static func frames(_ scenario: Scenario, count: Int) -> [[Double]] {
        let simulator = Simulator(scenario: scenario)
        let last = scenario.simulation.lastIndex
        let wanted = Set((0..<count).map { last * $0 / max(1, count - 1) })
        var out: [[Double]] = []
        while let frame = simulator.next() { if wanted.contains(frame.index) { out.append(frame.q) } }
        return out
    }
}
