import ArmKit
import AutoDiff
import FoundationEssentials

/// Everything `armsim inspect` reports, computed once and printed as text or JSON.
struct InspectReport {
    let arm: PlanarArm
    let q: [Double]
    let task: IKTask
    let tip: Pose2D
    let jacobian: Matrix
    let analysis: SingularityAnalysis

    init(arm: PlanarArm, q: [Double], task: IKTask, threshold: Double) {
        self.arm = arm; self.q = q; self.task = task
        tip = arm.tip(q)
        jacobian = arm.jacobian(q, task: task)
        analysis = SingularityAnalysis(arm: arm, q: q, task: task, threshold: threshold)
    }

    func json() -> String {
        func number(_ x: Double) -> String { x.isFinite ? "\(x)" : "null" }
        func array(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ",") + "]" }
        let rows = jacobian.rowArrays.map(array).joined(separator: ",")
        return "{" + [
            "\"position\":\(array([tip.x, tip.y]))",
            "\"orientation\":\(number(tip.phi))",
            "\"jacobian\":[\(rows)]",
            "\"singularValues\":\(array(analysis.singularValues.descending))",
            "\"manipulability\":\(number(analysis.manipulability))",
            "\"conditionNumber\":\(number(analysis.conditionNumber))",
            "\"singular\":\(analysis.singular)",
            "\"singularity\":\"\(analysis.kind.rawValue)\"",
            "\"threshold\":\(number(analysis.threshold))",
            "\"task\":\"\(task.rawValue)\"",
        ].joined(separator: ",") + "}"
    }

    func text() -> String {
        let rowNames = task == .position ? ["x", "y"] : ["x", "y", "φ"]
        let cells = jacobian.rowArrays.map { $0.map { String(cFormat: "%.6f", $0) } }
        let width = cells.flatMap { $0 }.map(\.count).max() ?? 1
        var lines: [String] = []
        lines.append("arm               \(arm.jointCount) links \(list(arm.links)) m, base (\(g(arm.base.x)), \(g(arm.base.y))), reach \(g(arm.reach)) m")
        lines.append("q                 \(list(q)) rad")
        lines.append("tip position      x = \(String(cFormat: "%.9f", tip.x))  y = \(String(cFormat: "%.9f", tip.y)) m")
        lines.append("tip orientation   φ = \(String(cFormat: "%.9f", tip.phi)) rad")
        lines.append("Jacobian (\(task.rawValue), \(jacobian.rows)×\(jacobian.columns), columns q0…q\(jacobian.columns - 1))")
        for (name, row) in zip(rowNames, cells) {
            let padded = row.map { String(repeating: " ", count: width - $0.count) + $0 }
            lines.append("  \(name)  [ " + padded.joined(separator: "  ") + " ]")
        }
        lines.append("singular values   " + analysis.singularValues.descending.map { String(cFormat: "%.6e", $0) }.joined(separator: ", "))
        lines.append("manipulability    " + String(cFormat: "%.6e", analysis.manipulability))
        let cond = analysis.conditionNumber
        lines.append("condition number  " + (cond.isFinite ? String(cFormat: "%.6e", cond) : "inf (σ_min = 0)"))
        lines.append("singular          \(analysis.singular ? "yes" : "no") (σ_min \(analysis.singular ? "<" : "≥") ε = \(g(analysis.threshold)) m)")
        lines.append("singularity       \(analysis.kind.rawValue)")
        return lines.joined(separator: "\n") + "\n"
    }

    private func g(_ x: Double) -> String { String(cFormat: "%g", x) }
    private func list(_ xs: [Double]) -> String { "[" + xs.map(g).joined(separator: ", ") + "]" }
}
