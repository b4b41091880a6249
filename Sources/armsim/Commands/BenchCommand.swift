import ArgumentParser
import ArmKit
import Foundation

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure FK, forward/reverse AD Jacobians, one DLS iteration and one tracking frame.",
        discussion: """
        Each case runs in this process as the median of many batches after a warm-up; ratios are to plain
        Double FK (fk) at the same number of links, measured in the same run. Refuses to run in a debug build.
        """
    )

    @Option(help: "Numbers of links, comma-separated.")
    var links = "2,7,32,128,512"

    @Flag(help: "Print a JSON array of {name, links, ns, ratio_to_fk}.")
    var json = false

    @Flag(help: "Fewer, shorter batches (noisier).")
    var quick = false

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
        var timer = BenchTimer(quick: quick)
        var results: [BenchMeasurement] = []
        for n in counts {
            let suite = try BenchSuite(links: n)
            let fk = suite.fk(&timer)
            let cases: [(String, Double)] = [
                ("fk", fk),
                ("jacobian_forward", suite.jacobianForward(&timer)),
                ("jacobian_reverse", suite.jacobianReverse(&timer)),
                ("jacobian_separable", suite.jacobianSeparable(&timer)),
                ("dls_step", suite.dlsStep(&timer)),
                ("tracking_frame", suite.trackingFrame(&timer)),
            ]
            for (name, ns) in cases {
                results.append(BenchMeasurement(name: name, links: n, nanoseconds: ns, ratioToFK: ns / fk))
            }
            if !json { Diagnostics.write("measured n = \(n)\n") }
        }
        if json {
            print(BenchReport.json(results))
        } else {
            print(BenchReport.table(results, repetitions: timer.repetitions), terminator: "")
        }
        Diagnostics.write(String(format: "checksum %.6g (every result is folded in, so no work is optimised away)\n", timer.checksum))
        #endif
    }
}
