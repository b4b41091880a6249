import ArmKit
import AutoDiff

/// The `--json` form of an inspect report (keys documented in the README and docs/second-order.md).
extension InspectReport {
    func json() -> StreamJSONWriter {
        var out = StreamJSONWriter()
        out.array("q", q)
        out.array("position", [tip.x, tip.y])
        out.number("orientation", tip.phi)
        out.points("joints", joints)
        out.string("jacobianMode", settings.mode.rawValue)
        out.matrix("jacobian", jacobian)
        out.array("singularValues", analysis.singularValues.descending)
        out.number("manipulability", analysis.manipulability)
        out.optionalNumber("conditionNumber", analysis.conditionNumber)
        out.bool("singular", analysis.singular)
        out.string("singularity", analysis.kind.rawValue)
        out.number("threshold", analysis.threshold)
        out.string("task", task.rawValue)
        if let target { out.array("target", task == .pose ? [target.x, target.y, target.phi] : [target.x, target.y]) }
        if let view { out.object("leastSquares") { leastSquaresJSON(view, &$0) } }
        if let check { out.object("check") { checkJSON(check, &$0) } }
        if let hvp, let v = settings.hvp {
            out.object("hvp") { o in
                o.array("direction", v); o.array("forwardOverReverse", hvp.ad); o.array("formedHessian", hvp.formed)
            }
        }
        if let tipVelocity, let qdot = settings.qdot {
            out.object("tipVelocity") { o in o.array("qdot", qdot); o.array("velocity", tipVelocity) }
        }
        if let jointVelocity, let v = settings.tipVelocity {
            out.object("jointVelocity") { o in
                o.array("tipVelocity", v); o.array("pseudoInverse", jointVelocity.pseudoInverse)
                o.array("dls", jointVelocity.dls); o.number("lambda", jointVelocity.lambda); o.bool("singular", analysis.singular)
            }
        }
        return out
    }

    private func leastSquaresJSON(_ view: LeastSquaresView, _ o: inout StreamJSONWriter) {
        o.array("error", view.error)
        o.number("loss", view.loss)
        o.array("gradient", view.gradient)
        o.number("gradientNorm", view.gradientNorm)
        o.number("relativeGradient", view.relativeGradient)
        o.bool("stationary", view.stationary)
        o.matrix("hessian", view.hessian)
        o.matrix("gaussNewton", view.gaussNewton)
        o.matrix("secondOrder", view.secondOrder)
        o.number("splitResidual", view.splitResidual)
        o.array("eigenvalues", view.eigen.values)
        o.rows("eigenvectors", view.eigen.vectors)
        o.optionalNumber("conditionNumber", view.conditionNumber)
        o.number("tau", view.tau)
        o.string("curvature", view.curvature.rawValue)
    }

    private func checkJSON(_ check: FiniteDifferenceCheck, _ o: inout StreamJSONWriter) {
        o.number("tolerance", FiniteDifferenceCheck.tolerance)
        o.array("firstOrderSteps", FiniteDifferences.steps(q, order: 1))
        o.array("secondOrderSteps", FiniteDifferences.steps(q, order: 2))
        for (key, c) in zip([StaticString("jacobian"), "gradient", "hessian"], check.checks) {
            o.object(key) { m in
                m.number("maxAbsolute", c.maxAbsolute); m.number("maxRelative", c.maxRelative)
                m.number("scale", c.scale); m.bool("passed", c.passed)
            }
        }
        o.bool("passed", check.passed)
    }
}
