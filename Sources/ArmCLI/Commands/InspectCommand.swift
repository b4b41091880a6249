import ArmIO
import ArmKit
import AutoDiff

struct InspectCommand: Subcommand {
    static let spec = CommandSpec(
        name: "inspect",
        abstract: "Tip pose, Jacobian, singularities and the least-squares view of IK at one configuration.",
        discussion: """
        The arm comes from --links (and --base), or from a scenario file. Negative numbers work as --q=-0.5,0.3 or --q -0.5,0.3. conditionNumber is σ_max/σ_min; when σ_min = 0 it is unbounded: printed as "unbounded", and null in --json. No nan or inf is ever printed: angles beyond ±1e6 rad, coordinates beyond ±1e9 m and velocities beyond ±1e9 are usage errors.

        With --target x,y (or x,y,φ for the pose task) it adds e = target − tip, L = ½‖e‖², ∇L = −Jᵀe, the Hessian of L by nested AD split into its Gauss–Newton part JᵀJ and its second-order part −Σ eᵢ∇²fᵢ, its eigenvalues and eigenvectors, and the curvature class (bowl, hill, saddle, flat; τ = 1e-6·max|λ|). --check compares J, ∇L and the Hessian with central finite differences and exits 1 when they disagree beyond 1e-6 (relative). See docs/second-order.md.

        With --stdin, q (and the target) come from standard input, one JSON object per line ({"q": [...], "target": [...]}), and one JSON result is written per line.

        Examples:
          armsim inspect --links 1,0.8,0.6 --q 0,0,0 --target 1.5,0
          armsim inspect --links 1,1 --q 0,1.5708 --tip-velocity 0,1 --json
        """,
        positional: PositionalSpec(valueName: "SCENARIO", help: "A scenario file to take the arm (links, base, task, threshold) from.", arity: .optional),
        options: [
            .value("--links", "LIST", "Link lengths in metres, comma-separated (e.g. 1,0.8,0.6)."),
            .value("--q", "LIST", "Joint angles in radians, one per link, comma-separated."),
            .value("--base", "X,Y", "Base position x,y in metres (default 0,0)."),
            .choice("--task", IKTask.self, "position (2-row Jacobian) or pose (3 rows: x, y, φ)."),
            .value("--threshold", "EPS", "Singular when σ_min < this (metres). Default: 1% of the arm's reach, or the scenario's."),
            .value("--target", "LIST", "The target x,y or x,y,φ: adds the least-squares view of IK (e, L, ∇L, Hessian, curvature)."),
            .choice("--mode", JacobianMode.self, "How J is computed: forward (seeded through the prefix sum), dense (whole-chain forward) or reverse (a tape).", default: .forward),
            .flag("--check", "With --target: check J, ∇L and the Hessian of L against central finite differences; exit 1 if they disagree."),
            .value("--hvp", "LIST", "With --target: H·v of L along this direction, by forward-over-reverse AD (no H formed)."),
            .value("--qdot", "LIST", "Joint velocities (rad/s): prints the tip velocity J·q̇ (a JVP)."),
            .value("--tip-velocity", "LIST", "A tip velocity vx,vy (or vx,vy,ω): prints the joint velocity J⁺v and its DLS counterpart."),
            .flag("--stdin", "Read queries from standard input, one JSON object per line; write one JSON result per line."),
            .flag("--json", "Print JSON instead of the aligned text report."),
        ]
    )

    let scenario: String?
    let links: String?
    let q: String?
    let base: String?
    let task: IKTask?
    let threshold: Double?
    let target: String?
    let mode: JacobianMode
    let check: Bool
    let hvp: String?
    let qdot: String?
    let tipVelocity: String?
    let stdin: Bool
    let json: Bool

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        scenario = arguments.positionals.first
        links = arguments.string("--links")
        q = arguments.string("--q")
        base = arguments.string("--base")
        task = try arguments.choice("--task")
        threshold = try arguments.decimal("--threshold")
        target = arguments.string("--target")
        mode = try arguments.choice("--mode") ?? .forward
        check = arguments.flag("--check")
        hvp = arguments.string("--hvp")
        qdot = arguments.string("--qdot")
        tipVelocity = arguments.string("--tip-velocity")
        stdin = arguments.flag("--stdin")
        json = arguments.flag("--json")
    }

    func run() throws {
        let settings = try makeSettings()
        if stdin {
            if q != nil || target != nil {
                throw CommandFailure(message: "--stdin: q and target come from standard input; drop --q and --target", exitCode: ExitCode32.usage)
            }
            try StreamSession().run { query throws(CommandFailure) in
                try InspectStreamQuery.answer(query, settings: settings)
            }
            return
        }
        guard let q else { throw CommandFailure(message: "--q: required (or --stdin)", exitCode: ExitCode32.usage) }
        let angles = try InputBounds.list(q, option: "--q", count: settings.arm.jointCount, limit: InputBounds.angle, unit: "rad")
        var pose: Pose2D?
        var used = settings
        if let target {
            let parsed = try InputBounds.target(try NumberList.parse(target, option: "--target"), option: "--target",
                                                task: settings.taskGiven ? settings.task : nil)
            pose = parsed.0
            used.task = parsed.1
        }
        try used.checkVectorSizes(hasTarget: pose != nil)
        let report = InspectReport(settings: used, q: angles, target: pose)
        try report.print(json: json)
    }

    private func makeSettings() throws -> InspectSettings {
        let source = try InspectArmSource.resolve(scenario: scenario, links: links, base: base)
        let (task, given) = source.task(self.task)
        if let threshold, !(threshold > 0) {
            throw CommandFailure(message: "--threshold: must be > 0, got \(threshold)", exitCode: ExitCode32.usage)
        }
        var settings = InspectSettings(arm: source.arm, task: task, taskGiven: given,
                                       threshold: threshold ?? source.solver.singularThreshold(for: source.arm))
        settings.mode = mode
        settings.check = check
        settings.damping = source.solver.damping
        let n = source.arm.jointCount
        if let hvp { settings.hvp = try InputBounds.list(hvp, option: "--hvp", count: n, limit: InputBounds.velocity, unit: "") }
        if let qdot { settings.qdot = try InputBounds.list(qdot, option: "--qdot", count: n, limit: InputBounds.velocity, unit: "rad/s") }
        if let tipVelocity {
            let v = try NumberList.parse(tipVelocity, option: "--tip-velocity")
            try InputBounds.check(v, option: "--tip-velocity", limit: InputBounds.velocity, unit: "m/s")
            settings.tipVelocity = v
        }
        if (check || hvp != nil) && target == nil && !stdin {
            throw CommandFailure(message: "\(check ? "--check" : "--hvp"): needs --target (it concerns L = ½‖target − tip‖²)", exitCode: ExitCode32.usage)
        }
        return settings
    }
}
