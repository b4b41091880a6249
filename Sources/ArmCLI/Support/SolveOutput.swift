import ArmIO
import ArmKit
#if canImport(Glibc)
import Glibc
#endif

enum SolveFormat { case text, json, csv }

/// The text, JSON and CSV forms of `solve` results (keys documented in docs/second-order.md).
enum SolveOutput {
    /// Prints `text`, or fails with one line if any outcome carries a non-finite number.
    static func emit(_ text: String, outcomes: [SolveOutcome]) throws(CommandFailure) {
        if let bad = outcomes.first(where: { $0.nonFiniteField != nil }) {
            throw CommandFailure(message: "solve: \(bad.nonFiniteField!) is not finite after the \(bad.method.rawValue) solve", exitCode: ExitCode32.failure)
        }
        print(text, terminator: "")
    }

    static func single(_ outcome: SolveOutcome, problem: SolveProblem, trace: [SolveTraceRow]?,
                       seeds: (count: Int, seed: UInt64, attempts: [SolveOutcome])?, format: SolveFormat) -> String {
        switch format {
        case .csv: return traceCSV(trace ?? [])
        case .json:
            var out = StreamJSONWriter()
            fields(outcome, problem: problem, into: &out)
            if let seeds {
                out.object("seeds") { o in
                    o.integer("count", seeds.count); o.raw("seed") { $0 += Array(String(seeds.seed).utf8) }
                    o.integer("solved", seeds.attempts.filter(\.solved).count)
                    o.rows("starts", seeds.attempts.map(\.start))
                    o.array("errors", seeds.attempts.map(\.report.error))
                    o.raw("statuses") { $0 += Array(("[" + seeds.attempts.map { "\"\($0.report.status.rawValue)\"" }.joined(separator: ",") + "]").utf8) }
                }
            }
            if let trace { traceJSON(trace, into: &out) }
            return String(decoding: out.finish(), as: UTF8.self) + "\n"
        case .text:
            var lines = trace.map(traceTable) ?? []
            if let seeds {
                let solved = seeds.attempts.filter(\.solved).count
                lines.append("seeds           \(seeds.count) attempts (q0, then random starts from seed \(seeds.seed)): \(solved) converged; best shown")
            }
            lines += textLines(outcome, problem: problem)
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func fields(_ o: SolveOutcome, problem: SolveProblem, into out: inout StreamJSONWriter) {
        let r = o.report
        out.string("method", o.method.rawValue)
        out.string("status", r.status.rawValue)
        out.integer("iterations", r.iterations)
        out.number("error", r.error)
        out.string("task", problem.task.rawValue)
        out.array("target", targetValues(problem))
        out.array("q0", o.start)
        out.array("q", o.q)
        out.array("tip", problem.task == .pose ? [r.tip.x, r.tip.y, r.tip.phi] : [r.tip.x, r.tip.y])
        out.number("sigmaMin", r.sigmaMin)
        out.number("manipulability", r.manipulability)
        out.number("damping", r.damping)
        out.integer("saddleEscapes", r.saddleEscapes)
        out.number("largestStep", r.largestStep)
        out.number("microseconds", o.microseconds)
    }

    static func targetValues(_ p: SolveProblem) -> [Double] {
        p.task == .pose ? [p.target.x, p.target.y, p.target.phi] : [p.target.x, p.target.y]
    }

    private static func textLines(_ o: SolveOutcome, problem: SolveProblem) -> [String] {
        let r = o.report
        return [
            "method          \(o.method.rawValue)",
            "status          \(r.status.rawValue)",
            "iterations      \(r.iterations)",
            "error           \(e3(r.error))   (‖target − tip‖\(problem.task == .pose ? ", φ in rad" : " m"))",
            "target          \(list(targetValues(problem)))",
            "q0              \(list(o.start))",
            "q               \(list(o.q))",
            "tip             \(list(problem.task == .pose ? [r.tip.x, r.tip.y, r.tip.phi] : [r.tip.x, r.tip.y]))",
            "σ_min           \(e3(r.sigmaMin))",
            "λ (last)        \(g(r.damping))",
            "saddle escapes  \(r.saddleEscapes)",
            "largest step    \(g(r.largestStep)) rad",
            "time            \(String(cFormat: "%.1f", o.microseconds)) µs",
        ]
    }

    static func compare(_ outcomes: [SolveOutcome], problem: SolveProblem, format: SolveFormat) -> String {
        switch format {
        case .csv:
            let rows = outcomes.map { o in
                [o.method.rawValue, String(o.report.iterations), ShortestDouble.string(o.report.error), o.report.status.rawValue,
                 ShortestDouble.string(o.microseconds), String(o.report.saddleEscapes)].joined(separator: ",")
            }
            return (["method,iterations,error,status,microseconds,saddle_escapes"] + rows).joined(separator: "\n") + "\n"
        case .json:
            var out = StreamJSONWriter()
            out.string("task", problem.task.rawValue)
            out.array("target", targetValues(problem))
            out.array("q0", problem.q0)
            out.integer("maxIterations", problem.config.maxIterations)
            out.number("tolerance", problem.config.tolerance)
            out.rawArray("methods", outcomes.map { o in
                var m = StreamJSONWriter(); fields(o, problem: problem, into: &m); return m.finish()
            })
            return String(decoding: out.finish(), as: UTF8.self) + "\n"
        case .text:
            var lines = ["target \(list(targetValues(problem))) from q0 \(list(problem.q0)), tolerance \(g(problem.config.tolerance)), at most \(problem.config.maxIterations) iterations",
                         pad("method", 10) + pad("iterations", 12) + pad("error", 12) + pad("status", 12) + pad("µs", 10) + "saddle escapes"]
            for o in outcomes {
                lines.append(pad(o.method.rawValue, 10) + pad(String(o.report.iterations), 12) + pad(e3(o.report.error), 12)
                             + pad(o.report.status.rawValue, 12) + pad(String(cFormat: "%.1f", o.microseconds), 10) + String(o.report.saddleEscapes))
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func traceTable(_ rows: [SolveTraceRow]) -> [String] {
        let header = ["k", "L", "‖∇L‖", "‖e‖", "λ", "‖Δq‖", "α", "σ_min", "curvature"]
        let widths = [4, 12, 12, 12, 10, 12, 8, 12, 10]
        var lines = [zip(header, widths).map { pad($0, $1) }.joined()]
        for r in rows {
            let cells = [String(r.k), e3(r.loss), e3(r.gradientNorm), e3(r.errorNorm), g(r.lambda), e3(r.stepNorm),
                         r.stepLength.map { String(cFormat: "%.4g", $0) } ?? "-", e3(r.sigmaMin),
                         r.curvature.rawValue + (r.saddleEscape ? " (saddle escape)" : "")]
            lines.append(zip(cells, widths).map { pad($0, $1) }.joined())
        }
        return lines
    }

    static func traceCSV(_ rows: [SolveTraceRow]) -> String {
        var lines = ["k,loss,gradient_norm,error_norm,lambda,step_norm,step_length,sigma_min,curvature,saddle_escape"]
        for r in rows {
            lines.append([String(r.k), ShortestDouble.string(r.loss), ShortestDouble.string(r.gradientNorm), ShortestDouble.string(r.errorNorm),
                          ShortestDouble.string(r.lambda), ShortestDouble.string(r.stepNorm), r.stepLength.map(ShortestDouble.string) ?? "",
                          ShortestDouble.string(r.sigmaMin), r.curvature.rawValue, String(r.saddleEscape)].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func traceJSON(_ rows: [SolveTraceRow], into out: inout StreamJSONWriter) {
        out.rawArray("trace", rows.map { r in
            var o = StreamJSONWriter()
            o.integer("k", r.k); o.number("loss", r.loss); o.number("gradientNorm", r.gradientNorm)
            o.number("errorNorm", r.errorNorm); o.number("lambda", r.lambda); o.number("stepNorm", r.stepNorm)
            o.optionalNumber("stepLength", r.stepLength); o.number("sigmaMin", r.sigmaMin)
            o.string("curvature", r.curvature.rawValue); o.bool("saddleEscape", r.saddleEscape)
            return o.finish()
        })
    }

    private static func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
    private static func e3(_ x: Double) -> String { ReportNumbers.e3(x) }
    private static func g(_ x: Double) -> String { ReportNumbers.g(x) }
    private static func list(_ xs: [Double]) -> String { ReportNumbers.list(xs) }
}
