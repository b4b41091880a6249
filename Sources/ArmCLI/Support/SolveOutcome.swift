import ArmKit

/// A finished solve: where it started and ended, the solver's report and how long it took.
struct SolveOutcome {
    var method: SolverMethod
    var start: [Double]
    var q: [Double]
    var report: SolveReport
    var microseconds: Double

    var solved: Bool { report.status == .converged }

    /// Every number it reports; nil when all are finite (the only case printed).
    var nonFiniteField: String? {
        let fields: [(String, [Double])] = [("q", q), ("error", [report.error]), ("tip", [report.tip.x, report.tip.y, report.tip.phi]),
                                            ("sigmaMin", [report.sigmaMin]), ("damping", [report.damping])]
        return fields.first { !$0.1.allSatisfy(\.isFinite) }?.0
    }
}
