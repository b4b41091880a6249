import ArmIO
import ArmKit

struct SolveCommand: Subcommand {
    static let spec = CommandSpec(
        name: "solve",
        abstract: "One inverse-kinematics solve from a start pose, in the style of the Robotics Toolbox's ikine_*.",
        discussion: """
        The arm comes from --links (and --base) or from a scenario file (its arm, task, solver settings and initial q). The solve starts at --q0 (default: the scenario's initial q, or zeros) and aims at --target x,y (or x,y,φ for the pose task). It prints the status (converged, unreachable, limited, stalled, failed), iterations, final error and q. The exit status is 0 whenever the solve ran, whatever its status (as for `run`), 1 on an output failure, 2 for an invalid scenario and 64 for bad options.

        --seeds N makes N attempts: the first from q0, the others from random starts drawn from --seed, and reports how many converged (the best attempt is printed). --trace prints every iteration: k, L = ½‖e‖², ‖∇L‖, ‖e‖, λ, ‖Δq‖, the step length after the line search, σ_min and the curvature class of L. --compare runs every method on the same problem and prints a table (iterations, final error, status, µs: the median of 21 solves).

        With --stdin, each input line is a JSON object {"q": [...], "target": [...]} (q is the start; it defaults to q0) and each output line is the JSON result.

        Examples:
          armsim solve --links 1,0.8,0.6 --q0 0,0,0 --target 1.5,0 --trace
          armsim solve --links 1,0.8,0.6 --q0 0,0,0 --target 1.5,0 --compare --csv
        """,
        positional: PositionalSpec(valueName: "SCENARIO", help: "A scenario file to take the arm, task, solver settings and initial q from.", arity: .optional),
        options: [
            .value("--links", "LIST", "Link lengths in metres, comma-separated (e.g. 1,0.8,0.6)."),
            .value("--base", "X,Y", "Base position x,y in metres (default 0,0)."),
            .choice("--task", IKTask.self, "position or pose (default: from the target's length or the scenario)."),
            .value("--q0", "LIST", "Start joint angles in radians (default: the scenario's initial q, or zeros)."),
            .value("--target", "LIST", "The target x,y or x,y,φ."),
            .choice("--method", SolverMethod.self, "The IK method (default: the scenario's, or dls)."),
            .value("--max-iterations", "N", "Iteration limit (default: the scenario's, or 50)."),
            .value("--tolerance", "TOL", "Converged when ‖e‖ < this (default: the scenario's, or 1e-6)."),
            .value("--seeds", "N", "Attempts: the first from q0, the others from seeded random starts.", default: "1"),
            .value("--seed", "SEED", "Seed of the random starts.", default: "1"),
            .flag("--trace", "Print every iteration."),
            .flag("--compare", "Run every method on the same problem and print a table."),
            .flag("--stdin", "Read queries from standard input, one JSON object per line; write one JSON result per line."),
            .flag("--json", "Print JSON."),
            .flag("--csv", "With --compare or --trace: print CSV."),
        ]
    )

    let scenario: String?
    let links: String?
    let base: String?
    let task: IKTask?
    let q0: String?
    let target: String?
    let method: SolverMethod?
    let maxIterations: Int?
    let tolerance: Double?
    let seeds: Int
    let seed: UInt64
    let trace: Bool
    let compare: Bool
    let stdin: Bool
    let json: Bool
    let csv: Bool

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        scenario = arguments.positionals.first
        links = arguments.string("--links")
        base = arguments.string("--base")
        task = try arguments.choice("--task")
        q0 = arguments.string("--q0")
        target = arguments.string("--target")
        method = try arguments.choice("--method")
        maxIterations = try arguments.int("--max-iterations")
        tolerance = try arguments.decimal("--tolerance")
        seeds = try arguments.int("--seeds") ?? 1
        seed = try arguments.uint64("--seed") ?? 1
        trace = arguments.flag("--trace")
        compare = arguments.flag("--compare")
        stdin = arguments.flag("--stdin")
        json = arguments.flag("--json")
        csv = arguments.flag("--csv")
    }

    func run() throws {
        try checkCombinations()
        let base = try baseProblem()
        if stdin {
            try StreamSession().run { query throws(CommandFailure) in try SolveStreamQuery.answer(query, problem: base) }
            return
        }
        guard let target else { throw CommandFailure(message: "--target: required (or --stdin)", exitCode: ExitCode32.usage) }
        let problem = try base.aiming(at: try NumberList.parse(target, option: "--target"), option: "--target")
        let format: SolveFormat = json ? .json : csv ? .csv : .text
        if compare {
            let outcomes = SolverMethod.allCases.map { problem.solve(method: $0, repeats: 21) }
            try SolveOutput.emit(SolveOutput.compare(outcomes, problem: problem, format: format), outcomes: outcomes)
            return
        }
        let chosen = method ?? problem.config.method
        let attempts = SolveSeeds(problem: problem, count: seeds, seed: seed).run(method: chosen)
        let best = SolveSeeds.best(attempts)
        let rows = trace ? SolveTracer(problem: problem).trace(method: chosen, iterations: attempts[0].report.iterations) : nil
        let seedSummary = seeds > 1 ? (count: seeds, seed: seed, attempts: attempts) : nil
        try SolveOutput.emit(SolveOutput.single(best, problem: problem, trace: rows, seeds: seedSummary, format: format),
                             outcomes: attempts)
    }

    private func checkCombinations() throws(CommandFailure) {
        let usage = ExitCode32.usage
        if json && csv { throw CommandFailure(message: "--csv: give either --json or --csv, not both", exitCode: usage) }
        if csv && !compare && !trace { throw CommandFailure(message: "--csv: only with --compare or --trace (tables)", exitCode: usage) }
        if compare && (trace || method != nil || seeds != 1) {
            throw CommandFailure(message: "--compare: runs every method once from q0; drop --method, --trace and --seeds", exitCode: usage)
        }
        if stdin && (compare || trace || seeds != 1 || target != nil || q0 != nil) {
            throw CommandFailure(message: "--stdin: q0 and target come from standard input, one solve per line; drop --q0, --target, --compare, --trace and --seeds", exitCode: usage)
        }
        if !(1...10_000).contains(seeds) { throw CommandFailure(message: "--seeds: must be in 1…10000, got \(seeds)", exitCode: usage) }
        if trace && seeds != 1 { throw CommandFailure(message: "--trace: traces one solve from q0; drop --seeds", exitCode: usage) }
    }

    private func baseProblem() throws -> SolveProblem {
        let source = try InspectArmSource.resolve(scenario: scenario, links: links, base: base)
        let (task, given) = source.task(self.task)
        var config = source.solver
        if let method { config.method = method }
        if let maxIterations {
            guard (1...100_000).contains(maxIterations) else {
                throw CommandFailure(message: "--max-iterations: must be in 1…100000, got \(maxIterations)", exitCode: ExitCode32.usage)
            }
            config.maxIterations = maxIterations
        }
        if let tolerance {
            guard tolerance > 0, tolerance <= source.arm.reach else {
                throw CommandFailure(message: "--tolerance: must be > 0 and at most the reach (\(source.arm.reach) m), got \(tolerance)", exitCode: ExitCode32.usage)
            }
            config.tolerance = tolerance
        }
        let n = source.arm.jointCount
        let start = try q0.map { text throws(CommandFailure) in
            try InputBounds.list(text, option: "--q0", count: n, limit: InputBounds.angle, unit: "rad")
        } ?? source.initial ?? [Double](repeating: 0, count: n)
        return SolveProblem(arm: source.arm, task: task, taskGiven: given, config: config, q0: start,
                            target: Pose2D(x: 0, y: 0), rest: source.initial)
    }
}

