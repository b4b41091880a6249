/// Steepest descent on L = ½‖e‖²: Δq = α₀·Jᵀe (along −∇L), α₀ = eᵀGe / ‖Ge‖² with G = J Jᵀ, the step that
/// minimises the linear model ½‖e − J Δq‖² along the gradient (the Cauchy point), then Armijo backtracking
/// (c = 1e-4). O(n) like DLS, but on an ill-conditioned J it zigzags across the canyon.
struct GradientDescentRule: StepRule {
    var refusesWhenUnsolvable: Bool { false }
    var armijo: Double { 1e-4 }

    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double? { 0 }

    mutating func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                         lambda: Double, model: SolverModel, workspace ws: SolverWorkspace,
                                         _: Shape.Type) -> Double? {
        var gram = sweep.gram
        if !model.isFree {
            for i in 0..<q.count { ws.backup[i] = q[i] }
            if let activeSet = ws.activeSet, activeSet.mark(q, jacobian: ws.jacobian, residual: e, Shape.self) {
                activeSet.removeFrozenColumns(from: ws.jacobian, Shape.self)
                gram = SmallSymmetric(gramOf: ws.jacobian, rows: Shape.rows, columns: q.count)
            }
        }
        let ge = gram.times(e.components)
        let along = (e.components * ge).sum(), curvature = (ge * ge).sum()
        let w = along > 0 && curvature > 0 ? (along / curvature) * e.components : SIMD3<Double>()
        return model.isFree ? MinimumNormStep.applyTranspose(w, ws, moving: q, Shape.self)
                            : MinimumNormStep.applyTranspose(w, ws, Shape.self)
    }
}
