import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

struct LandscapeCommand: Subcommand {
    static let spec = CommandSpec(
        name: "landscape",
        abstract: "Draw the loss landscape L = ½‖e‖² over two joints, with its critical points and solver paths.",
        discussion: """
        The other joints are held at q. The picture is a heat map of L with contour lines and a colour bar; the current q is ringed; the critical points in the window (Newton on ∇L = 0 from a 12×12 grid of seeds, classified by the 2×2 Hessian over the two joints) are drawn as ● minimum, ✕ saddle, ▲ maximum. With --paths, each method's iterates from q are drawn as a polyline (all joints move; the picture shows their projection on the two drawn).

        The arm, q and target come from a scenario at --time (the solved configuration and that frame's target) or from --links, --q and --target. Default joints: the two with the largest weight in the Hessian of L (the diagonal of |H|).

        Examples:
          armsim landscape --links 1,0.8,0.6 --target 1.5,0 --paths dls --output s.png
          armsim landscape scenarios/circle.json --time 2 --json --csv grid.csv
        """,
        positional: PositionalSpec(valueName: "SCENARIO", help: "A scenario file (the arm, and q and the target at --time).", arity: .optional),
        options: [
            .value("--time", "SECONDS", "Simulated time in seconds, with a scenario (default 0)."),
            .value("--links", "LIST", "Link lengths in metres, comma-separated."),
            .value("--base", "X,Y", "Base position x,y in metres (default 0,0)."),
            .value("--q", "LIST", "Joint angles in radians, one per link (default all 0)."),
            .value("--target", "LIST", "Target x,y (position task) or x,y,phi (pose task), with --links."),
            .choice("--task", PlotTaskOption.self, "The task, with --links.", default: .position),
            .value("--joints", "I,J", "The two joints on the x and y axes (0-based), e.g. 1,2."),
            .value("--range", "RADIANS", "Half-width of the window around q, radians.", default: "π"),
            .value("--resolution", "N", "Grid points each way (2…4096).", default: "256"),
            .value("--paths", "LIST", "Solver methods whose iterates from q to draw, comma-separated (e.g. dls,pinv)."),
            .value("--output", "FILE", "Write the picture to this PNG file."),
            .value("--csv", "FILE", "Write the grid as CSV (q_i, q_j, L) to this file."),
            .flag("--json", "Print the critical points (with their Hessian eigenvalues) as JSON on stdout."),
            .value("--size", "WxH", "Image size in pixels.", default: "1280x800"),
        ]
    )

    let scenario: String?
    let time: Double?
    let links: String?
    let base: String?
    let q: String?
    let target: String?
    let task: PlotTaskOption
    let joints: String?
    let range: Double
    let resolution: Int
    let paths: String?
    let output: String?
    let csv: String?
    let json: Bool
    let size: String

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        scenario = arguments.positionals.first
        time = try arguments.decimal("--time")
        links = arguments.string("--links")
        base = arguments.string("--base")
        q = arguments.string("--q")
        target = arguments.string("--target")
        task = try arguments.choice("--task") ?? .position
        joints = arguments.string("--joints")
        range = try arguments.decimal("--range") ?? .pi
        resolution = try arguments.int("--resolution") ?? 256
        paths = arguments.string("--paths")
        output = arguments.string("--output")
        csv = arguments.string("--csv")
        json = arguments.flag("--json")
        size = arguments.string("--size") ?? "1280x800"
    }

    func run() throws {
        guard output != nil || csv != nil || json else {
            throw CommandFailure(message: "nothing to do: give --output FILE, --csv FILE or --json", exitCode: ExitCode32.usage)
        }
        if output != nil { try DrawingHost.require() }
        let imageSize = try SizeOption.parse(size); let (width, height) = (imageSize.width, imageSize.height)
        let n = try LandscapeOptions.resolution(resolution), r = try LandscapeOptions.range(range)
        let methods = try LandscapeOptions.methods(paths)
        let problem = try resolveProblem()
        guard problem.arm.jointCount >= 2 else {
            throw CommandFailure(message: "a landscape needs an arm with at least 2 joints, got 1", exitCode: ExitCode32.usage)
        }
        let pair = try LandscapeOptions.joints(joints, arm: problem.arm)
            ?? JointPairChoice.strongest(arm: problem.arm, task: problem.task, q: problem.q, target: problem.target)
        let slice = LossSlice(arm: problem.arm, task: problem.task, target: problem.target, center: problem.q, joints: pair)
        let grid = LossGrid(slice: slice, xJoint: pair.0, yJoint: pair.1, range: r, resolution: n)
        let points = CriticalPointSearch().run(slice: slice, xJoint: pair.0, yJoint: pair.1, range: r)
        if let csv { try PlotOutputFile.stream(to: csv) { emit in try LandscapeReport.csv(grid, emit: emit) } }
        if let output {
            var picture = LandscapePicture(grid: grid)
            picture.criticalPoints = points
            picture.paths = methods.map { tracePath($0, problem, pair) }
            let phi = problem.task == .pose ? ", φ \(problem.target.phi)" : ""
            picture.title = "L(q\(pair.0), q\(pair.1)) of \(problem.source), target (\(problem.target.x), \(problem.target.y)\(phi)); other joints held"
            let bytes: [UInt8]
            do { bytes = try picture.png(width: width, height: height) } catch { throw CommandFailure(message: "\(error)") }
            try PlotOutputFile.write(bytes, to: output)
            Diagnostics.info("wrote \(output) (\(width)x\(height)): joints \(pair.0),\(pair.1), \(points.count) critical points")
        }
        if json { print(LandscapeReport.json(grid, points)) }
    }

    private func resolveProblem() throws(CommandFailure) -> LandscapeProblem {
        if let scenario {
            if links != nil || base != nil || q != nil || target != nil {
                throw CommandFailure(message: "give either a scenario file or --links/--base/--q/--target, not both", exitCode: ExitCode32.usage)
            }
            return try LandscapeProblem.fromScenario(scenario, time: time)
        }
        if time != nil { throw CommandFailure(message: "--time: only with a scenario file", exitCode: ExitCode32.usage) }
        return try LandscapeProblem.fromOptions(links: links, base: base, q: q, target: target, task: task.task)
    }

    private func tracePath(_ method: SolverMethod, _ p: LandscapeProblem, _ pair: (Int, Int)) -> LandscapePicture.Path {
        let trace = SolverIterates(method: method, arm: p.arm, task: p.task, config: p.solver, start: p.q, target: p.target)
        let label = "\(method.rawValue): \(trace.points.count - 1) iterations, \(trace.finalStatus.rawValue)"
        return LandscapePicture.Path(label: label, points: trace.points.map { ($0[pair.0], $0[pair.1]) })
    }
}
