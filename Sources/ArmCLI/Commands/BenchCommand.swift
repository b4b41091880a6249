import ArmKit
#if canImport(Glibc)
import Glibc
#endif

struct BenchCommand: Subcommand {
    static let spec = CommandSpec(
        name: "bench",
        abstract: "Measure FK, AD Jacobians, solver steps, second-order derivatives and a tracking frame.",
        discussion: """
        Each case runs in this process as the median of many batches after a warm-up; ratios are to plain Double FK (fk) at the same number of links, measured in the same run. Refuses to run in a debug build.

        Cases: fk, jacobian_forward, jacobian_forward_dense, jacobian_reverse, dls_step, tracking_solve, tracking_frame, hvp (H·v of the tracking loss by forward over reverse), hessian (the loss Hessian), lm_step, and newton_step (up to 32 links: its Cholesky is O(n³)).

        Examples:
          armsim bench --links 7,128 --cases tracking_solve,dls_step
          armsim bench --cases hvp,hessian,newton_step,lm_step --json
        """,
        options: [
            .value("--links", "LIST", "Numbers of links, comma-separated.", default: "2,7,32,128,512"),
            .flag("--json", "Print a JSON array of {name, links, ns, ratio_to_fk}."),
            .flag("--quick", "Fewer, shorter batches (noisier)."),
            .value("--cases", "LIST", "Only these cases, comma-separated (fk always runs: it is the ratios' base)."),
        ]
    )

    let links: String
    let json: Bool
    let quick: Bool
    let cases: String?

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        links = arguments.string("--links") ?? "2,7,32,128,512"
        json = arguments.flag("--json")
        quick = arguments.flag("--quick")
        cases = arguments.string("--cases")
    }

    func run() throws {
        #if DEBUG
        throw CommandFailure(message: "bench: this is a debug build, whose timings mean nothing; build with 'swift build -c release' and run .build/release/armsim bench")
        #else
        let sizes = try NumberList.parse(links, option: "--links")
        var counts: [Int] = []
        for (i, value) in sizes.enumerated() {
            guard value >= 1, value <= Double(PlanarArm.maxLinks), value == value.rounded() else {
                throw CommandFailure(message: "--links[\(i)]: must be a whole number of links in 1…\(PlanarArm.maxLinks), got \(value)", exitCode: ExitCode32.usage)
            }
            counts.append(Int(value))
        }
        let chosen = cases.map { Set($0.split(separator: ",").map { $0.trimmedWhitespace }) }
        // The suites are built (not measured) before anything runs, so an unknown case fails at once; the names
        // come from the workloads themselves.
        let suites = try counts.map { try BenchSuite(links: $0).workloads() }
        if let chosen, let names = suites.first?.map(\.name) {
            for name in chosen.sorted() where !names.contains(name) {
                throw CommandFailure(message: "--cases: unknown case '\(name)'; the cases are \(names.joined(separator: ", "))", exitCode: ExitCode32.usage)
            }
        }
        var timer = BenchTimer(quick: quick)
        var results: [BenchMeasurement] = []
        for (n, all) in zip(counts, suites) {
            let workloads = all.filter { $0.name == "fk" || chosen?.contains($0.name) ?? true }
            let times = timer.measure(workloads)
            let fk = times[0]
            for (workload, ns) in zip(workloads, times) {
                results.append(BenchMeasurement(name: workload.name, links: n, nanoseconds: ns, ratioToFK: ns / fk))
            }
            if !json { Diagnostics.write("measured n = \(n)\n") }
        }
        if json {
            print(BenchReport.json(results))
        } else {
            print(BenchReport.table(results, repetitions: timer.repetitions), terminator: "")
        }
        Diagnostics.write(String(cFormat: "checksum %.6g (every result is folded in, so no work is optimised away)\n", timer.checksum))
        #endif
    }
}
