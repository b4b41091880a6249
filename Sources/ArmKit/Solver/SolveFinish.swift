extension JacobianIKSolver {
    /// Fills the report from the last evaluation (every path out of the loop ends swept at q), hands that sweep
    /// to the cache, and judges the status.
    @inline(__always)
    func finish<Shape: TaskShape>(_ report: inout SolveReport, _ q: UnsafeMutableBufferPointer<Double>, at: Evaluation,
                                  target: Pose2D, reachable: Bool, refused: Bool, _: Shape.Type) {
        let tip = at.sweep.tip
        let converged = at.residual.norm < model.config.tolerance && reachable
        report.error = reachable ? at.residual.norm : TaskResidual(target: target, tip: tip, task: Shape.task).norm
        report.tip = Pose2D(x: tip.x, y: tip.y, phi: Angle.wrapped(tip.phi))
        let analysis = SingularityAnalysis(singularValues: singularValues(at.sweep.gram, Shape.self),
                                           q: UnsafeBufferPointer(q), threshold: model.threshold)
        report.sigmaMin = analysis.sigmaMin
        report.conditionNumber = analysis.sigmaMin > 0 ? analysis.conditionNumber : nil
        report.manipulability = analysis.manipulability
        report.singular = analysis.singular
        report.singularity = analysis.kind
        // A pose is judged by its wrist only when the solve fell short: a converged frame needs no second look.
        let poseReachable = converged || !Shape.hasAngleRow || model.arm.canReach(pose: target, slack: model.config.tolerance)
        report.status = status(converged: converged, reachable: reachable && poseReachable, refused: refused, q: q)
        // The no-NaN contract: a non-finite result is never reported as anything but a failure.
        if !(report.error.isFinite && report.tip.x.isFinite && report.tip.y.isFinite && report.tip.phi.isFinite
             && report.sigmaMin.isFinite && report.manipulability.isFinite) { report.status = .failed }
        workspace.sweeps.finish(at: q, last: at.sweep)
    }

    /// σ of the J in the workspace. For two rows the sweep's J Jᵀ supplies the rotation's Gram entries.
    private func singularValues<Shape: TaskShape>(_ gram: SmallSymmetric, _: Shape.Type) -> SingularValues {
        let j = UnsafeBufferPointer(workspace.jacobian)
        guard Shape.rows == 2 else {
            return SingularValues(jacobian: j, rows: Shape.rows, columns: model.n, scratch: workspace.scratch)
        }
        return SingularValues.twoRows(j, model.n, alpha: gram.a00, beta: gram.a11, gamma: gram.a01)
    }

    private func status(converged: Bool, reachable: Bool, refused: Bool, q: UnsafeMutableBufferPointer<Double>) -> SolveStatus {
        if converged { return .converged }
        if !reachable { return .unreachable }
        if refused { return .failed }
        if workspace.activeSet?.anyAtLimit(q) == true { return .limited }
        return .stalled
    }
}
