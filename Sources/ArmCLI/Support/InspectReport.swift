import ArmKit
import AutoDiff

/// Everything `armsim inspect` reports, computed once and printed as text or JSON.
struct InspectReport {
    let settings: InspectSettings
    let q: [Double]
    let target: Pose2D?
    let tip: Pose2D
    let joints: [Point2D]
    let jacobian: Matrix
    let analysis: SingularityAnalysis
    var view: LeastSquaresView?
    var check: FiniteDifferenceCheck?
    /// H·v by forward-over-reverse (no H formed), and from the formed H.
    var hvp: (ad: [Double], formed: [Double])?
    var tipVelocity: [Double]?
    var jointVelocity: (pseudoInverse: [Double], dls: [Double], lambda: Double)?

    var arm: PlanarArm { settings.arm }
    var task: IKTask { settings.task }

    init(settings: InspectSettings, q: [Double], target: Pose2D?) {
        self.settings = settings; self.q = q; self.target = target
        let arm = settings.arm, task = settings.task
        tip = arm.tip(q)
        joints = arm.jointPositions(q)
        jacobian = arm.jacobian(q, task: task, mode: settings.mode)
        analysis = Self.analyse(jacobian, q: q, threshold: settings.threshold)
        if let qdot = settings.qdot { tipVelocity = VelocityMaps.tipVelocity(arm: arm, q: q, task: task, qdot: qdot) }
        if let v = settings.tipVelocity {
            let lambda = DampingSchedule.lambda(sigmaMin: analysis.sigmaMin, threshold: settings.threshold,
                                                maximum: settings.damping, variable: true)
            jointVelocity = (VelocityMaps.jointVelocity(jacobian: jacobian, tipVelocity: v, lambda: 0),
                             VelocityMaps.jointVelocity(jacobian: jacobian, tipVelocity: v, lambda: lambda), lambda)
        }
        guard let target else { return }
        let view = LeastSquaresView(arm: arm, q: q, target: target, task: task, jacobian: jacobian)
        self.view = view
        if settings.check {
            check = FiniteDifferenceCheck(arm: arm, q: q, target: target, task: task, jacobian: jacobian, view: view)
        }
        if let v = settings.hvp {
            let loss = LeastSquaresLoss(arm: arm, target: target, task: task, reference: q)
            hvp = (loss.hvp(at: q, along: v), view.hessian * v)
        }
    }

    /// σ and the singularity verdict from the J already computed (the convenience initialiser would sweep again).
    static func analyse(_ j: Matrix, q: [Double], threshold: Double) -> SingularityAnalysis {
        var scratch = [Double](repeating: 0, count: j.elements.count)
        let sv = j.elements.withUnsafeBufferPointer { jb in
            scratch.withUnsafeMutableBufferPointer { SingularValues(jacobian: jb, rows: j.rows, columns: j.columns, scratch: $0) }
        }
        return q.withUnsafeBufferPointer { SingularityAnalysis(singularValues: sv, q: $0, threshold: threshold) }
    }

    /// The first reported number that is not finite, by name; nil when all are (the only case printed).
    var nonFiniteField: String? {
        var fields: [(String, [Double])] = [("q", q), ("tip", [tip.x, tip.y, tip.phi]), ("jacobian", jacobian.elements),
                                            ("joints", joints.flatMap { [$0.x, $0.y] }),
                                            ("singularValues", analysis.singularValues.descending)]
        if let view {
            fields += [("error", view.error), ("loss", [view.loss]), ("gradient", view.gradient),
                       ("hessian", view.hessian.elements), ("secondOrder", view.secondOrder.elements),
                       ("eigenvalues", view.eigen.values), ("eigenvectors", view.eigen.vectors.flatMap { $0 })]
        }
        if let hvp { fields.append(("hvp", hvp.ad + hvp.formed)) }
        if let tipVelocity { fields.append(("tipVelocity", tipVelocity)) }
        if let jointVelocity { fields.append(("jointVelocity", jointVelocity.pseudoInverse + jointVelocity.dls)) }
        if let check { fields.append(("check", check.checks.flatMap { [$0.maxAbsolute, $0.maxRelative] })) }
        return fields.first { !$0.1.allSatisfy(\.isFinite) }?.0
    }
}

extension InspectReport {
    /// Prints the report, or fails (exit 1, one line) if any number came out non-finite; `--check` failing
    /// exits 1 after the report is printed.
    func print(json: Bool) throws(CommandFailure) {
        if let field = nonFiniteField {
            throw CommandFailure(message: "inspect: \(field) is not finite at this configuration", exitCode: ExitCode32.failure)
        }
        Swift.print(json ? json_text() : text(), terminator: json ? "\n" : "")
        if jointVelocity != nil, analysis.singular {
            Diagnostics.warning("singular configuration (σ_min = \(analysis.sigmaMin) < ε = \(analysis.threshold)): J⁺v drops the lost direction and grows as 1/σ near it; the DLS joint velocity is the bounded one")
        }
        if let check, !check.passed {
            let worst = check.checks.filter { !$0.passed }.map { "\($0.name) rel \($0.maxRelative)" }.joined(separator: ", ")
            throw CommandFailure(message: "--check: AD and finite differences disagree beyond \(FiniteDifferenceCheck.tolerance): \(worst)", exitCode: ExitCode32.failure)
        }
    }

    private func json_text() -> String { json().finishedText }
}
