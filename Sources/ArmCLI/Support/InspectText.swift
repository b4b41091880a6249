import ArmKit
import AutoDiff
#if canImport(Glibc)
import Glibc
#endif

/// The aligned text form of an inspect report.
extension InspectReport {
    func text() -> String {
        var lines = basicLines()
        if let view, let target { lines += leastSquaresLines(view, target) }
        if let check { lines += checkLines(check) }
        if let hvp, let v = settings.hvp {
            lines.append("H·v along \(list(v))")
            lines.append("  forward-over-reverse  \(fixed(hvp.ad))")
            lines.append("  formed H times v      \(fixed(hvp.formed))")
        }
        if let tipVelocity, let qdot = settings.qdot {
            lines.append("tip velocity      J·q̇ = \(fixed(tipVelocity)) for q̇ = \(list(qdot)) (a JVP)")
        }
        if let jointVelocity, let v = settings.tipVelocity {
            lines.append("joint velocity    for tip velocity \(list(v)):")
            lines.append("  J⁺v             \(fixed(jointVelocity.pseudoInverse)) rad/s")
            lines.append("  DLS (λ = \(g(jointVelocity.lambda)))  \(fixed(jointVelocity.dls)) rad/s")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func basicLines() -> [String] {
        var lines: [String] = []
        lines.append("arm               \(arm.jointCount) links \(list(arm.links)) m, base (\(g(arm.base.x)), \(g(arm.base.y))), reach \(g(arm.reach)) m")
        lines.append("q                 \(list(q)) rad")
        lines.append("joints            " + joints.map { "(\(f6($0.x)), \(f6($0.y)))" }.joined(separator: " "))
        lines.append("tip position      x = \(String(cFormat: "%.9f", tip.x))  y = \(String(cFormat: "%.9f", tip.y)) m")
        lines.append("tip orientation   φ = \(String(cFormat: "%.9f", tip.phi)) rad")
        lines.append("Jacobian (\(task.rawValue), \(jacobian.rows)×\(jacobian.columns), columns q0…q\(jacobian.columns - 1), \(settings.mode.rawValue) mode)")
        lines += matrixLines(jacobian, rowNames: task == .position ? ["x", "y"] : ["x", "y", "φ"])
        lines.append("singular values   " + analysis.singularValues.descending.map { String(cFormat: "%.6e", $0) }.joined(separator: ", "))
        lines.append("manipulability    " + String(cFormat: "%.6e", analysis.manipulability))
        let cond = analysis.conditionNumber
        lines.append("condition number  " + (cond.isFinite ? String(cFormat: "%.6e", cond) : "unbounded (σ_min = 0)"))
        lines.append("singular          \(analysis.singular ? "yes" : "no") (σ_min \(analysis.singular ? "<" : "≥") ε = \(g(analysis.threshold)) m)")
        lines.append("singularity       \(analysis.kind.rawValue)")
        return lines
    }

    private func leastSquaresLines(_ view: LeastSquaresView, _ target: Pose2D) -> [String] {
        let t = task == .pose ? [target.x, target.y, target.phi] : [target.x, target.y]
        var lines: [String] = []
        lines.append("target            \(list(t))")
        lines.append("error e           \(fixed(view.error))   (target − tip)")
        lines.append("loss L = ½‖e‖²    \(f6(view.loss))")
        lines.append("gradient ∇L=−Jᵀe  \(fixed(view.gradient))   ‖∇L‖ = \(e3(view.gradientNorm))")
        let rule = "‖∇L‖ ≤ 1e-9·‖J‖·‖e‖: ratio \(e3(view.relativeGradient))"
        lines.append("stationary        \(view.stationary ? "yes" : "no") (\(rule))")
        let names = (0..<q.count).map { "q\($0)" }
        lines.append("Hessian ∇²L (nested AD) = Gauss–Newton JᵀJ + second-order −Σ eᵢ∇²fᵢ   (split residual \(e3(view.splitResidual)))")
        lines += matrixLines(view.hessian, rowNames: names)
        lines.append("  Gauss–Newton JᵀJ")
        lines += matrixLines(view.gaussNewton, rowNames: names)
        lines.append("  second-order −Σ eᵢ∇²fᵢ")
        lines += matrixLines(view.secondOrder, rowNames: names)
        lines.append("eigenvalues       \(fixed(view.eigen.values))")
        for (value, vector) in zip(view.eigen.values, view.eigen.vectors) {
            lines.append("  λ = \(f6(value))  v = \(fixed(vector))")
        }
        let cond = view.conditionNumber.map { e3($0) } ?? "unbounded (some λ = 0)"
        lines.append("condition number  \(cond)   (max|λ| / min|λ|)")
        lines.append("curvature         \(view.curvature.rawValue)   (τ = 1e-6·max|λ| = \(e3(view.tau)))")
        return lines
    }

    private func checkLines(_ check: FiniteDifferenceCheck) -> [String] {
        var lines = ["finite differences (central; h = (ε·max(1,|qᵢ|))^(1/3) for J, ∇L; (ε·max(1,|qᵢ|))^(1/4) for ∇²L)"]
        for c in check.checks {
            lines.append("  \(c.name.padded(to: 4)) max abs \(e3(c.maxAbsolute))  rel \(e3(c.maxRelative))  \(c.passed ? "ok" : "FAIL")")
        }
        lines.append("  tolerance rel \(e3(FiniteDifferenceCheck.tolerance)): \(check.passed ? "agree" : "DISAGREE")")
        return lines
    }

    private func matrixLines(_ m: Matrix, rowNames: [String]) -> [String] {
        let cells = m.rowArrays.map { $0.map(f6) }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 1
        let nameWidth = rowNames.map(\.count).max() ?? 1
        return zip(rowNames, cells).map { name, row in
            let padded = row.map { String(repeating: " ", count: width - $0.count) + $0 }
            return "  \(name.padded(to: nameWidth))  [ " + padded.joined(separator: "  ") + " ]"
        }
    }

    /// Six decimals, with −0 printed as 0 so hand-checkable examples read cleanly.
    private func f6(_ x: Double) -> String { String(cFormat: "%.6f", x == 0 ? 0 : x).replacing("-0.000000", with: "0.000000") }
    private func e3(_ x: Double) -> String { ReportNumbers.e3(x) }
    private func fixed(_ xs: [Double]) -> String { "[" + xs.map(f6).joined(separator: ", ") + "]" }
    private func g(_ x: Double) -> String { ReportNumbers.g(x) }
    private func list(_ xs: [Double]) -> String { ReportNumbers.list(xs) }
}
