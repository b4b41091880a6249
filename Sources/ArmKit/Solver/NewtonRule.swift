/// Saddle-free Newton (Dauphin et al. 2014) on L = ½‖e‖²: the full Hessian H (`LossHessian`: JᵀJ plus the
/// second-order part Σ eᵢ∇²fᵢ that DLS never sees), eigen-decomposed, each eigenvalue replaced by
/// max(|λᵢ|, δ): Δq = Σ vᵢ (vᵢᵀ Jᵀe) / max(|λᵢ|, δ). That is Newton's step where H is positive definite and a
/// descent step everywhere else. At a stationary point with negative curvature (a saddle, where ∇L = 0 and no
/// gradient-based step moves) it adds a step of `maxStep` along the most negative curvature, so it needs no
/// separate escape. Chosen over a modified Cholesky because the shifted Cholesky step is −(H + τI)⁻¹∇L, which is
/// zero at a saddle: it cannot leave one by itself.
struct NewtonRule: StepRule {
    var escaped = false
    var refusesWhenUnsolvable: Bool { false }
    var handlesSaddles: Bool { true }
    var lastStepEscapedSaddle: Bool { escaped }
    var armijo: Double { 1e-4 }

    func damping(_ gram: SmallSymmetric, _ e: TaskResidual, _ model: SolverModel) -> Double? { 0 }

    mutating func step<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, sweep: Sweep, residual e: TaskResidual,
                                         lambda: Double, model: SolverModel, workspace ws: SolverWorkspace,
                                         _: Shape.Type) -> Double? {
        guard let buffers = ws.newton else { return nil }
        let n = q.count, h = buffers.hessian, v = buffers.vectors, b = buffers.gradient
        for i in 0..<n { ws.backup[i] = q[i] }
        let frozen = ws.activeSet.map { $0.mark(q, jacobian: ws.jacobian, residual: e, Shape.self) } ?? false
        LossHessian.compute(into: h, q: q, lengths: model.arm.links, jacobian: ws.jacobian, rows: Shape.rows,
                            residual: e.components, curvature: buffers.curvature)
        for c in 0..<n {   // b = Jᵀe = −∇L
            var s = 0.0
            for r in 0..<Shape.rows { s += ws.jacobian[r * n + c] * e.components[r] }
            b[c] = s
        }
        if frozen, let activeSet = ws.activeSet {   // frozen joints: no step, no coupling
            for i in 0..<n where activeSet.frozen[i] {
                b[i] = 0
                for k in 0..<n { h[i * n + k] = 0; h[k * n + i] = 0 }
                h[i * n + i] = 1
            }
        }
        JacobiEigen.decompose(h, n, vectors: v)
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(h[i * n + i])) }
        guard largest.isFinite else { return nil }
        let delta = max(1e-10 * largest, 1e-4 * model.threshold * model.threshold)
        escaped = false
        for i in 0..<n { ws.step[i] = 0 }
        var lowest = 0
        for i in 0..<n {
            if h[i * n + i] < h[lowest * n + lowest] { lowest = i }
            var along = 0.0
            for k in 0..<n { along += v[k * n + i] * b[k] }
            let scale = along / max(abs(h[i * n + i]), delta)
            for k in 0..<n { ws.step[k] += scale * v[k * n + i] }
        }
        addNegativeCurvature(lowest, h: h, v: v, b: b, delta: delta, n: n, maxStep: model.config.maxStep, step: ws.step)
        var normSquared = 0.0
        for i in 0..<n { normSquared += ws.step[i] * ws.step[i] }
        if model.isFree { for i in 0..<n { q[i] += ws.step[i] } }
        return normSquared
    }

    /// At a saddle the step along the most negative curvature is tiny (∇L has no component there): take
    /// `maxStep` along it instead, signed to descend (L drops by about ½ α²|λ| either way when ∇L = 0).
    private mutating func addNegativeCurvature(_ lowest: Int, h: UnsafeMutableBufferPointer<Double>,
                                               v: UnsafeMutableBufferPointer<Double>, b: UnsafeMutableBufferPointer<Double>,
                                               delta: Double, n: Int, maxStep: Double, step: UnsafeMutableBufferPointer<Double>) {
        let value = h[lowest * n + lowest]
        guard value < -delta else { return }
        var along = 0.0
        for k in 0..<n { along += v[k * n + lowest] * b[k] }
        guard abs(along) / abs(value) < 0.1 * maxStep else { return }
        let sign = along >= 0 ? 1.0 : -1.0
        for k in 0..<n { step[k] += sign * maxStep * v[k * n + lowest] }
        escaped = true
    }
}

/// The Newton rule's buffers (n × n Hessian and eigenvectors, n-vectors), allocated only for `newton`.
struct NewtonBuffers {
    let hessian: UnsafeMutableBufferPointer<Double>
    let vectors: UnsafeMutableBufferPointer<Double>
    let gradient: UnsafeMutableBufferPointer<Double>
    let curvature: UnsafeMutableBufferPointer<Double>

    init(count n: Int) {
        hessian = .allocate(capacity: n * n); hessian.initialize(repeating: 0)
        vectors = .allocate(capacity: n * n); vectors.initialize(repeating: 0)
        gradient = .allocate(capacity: n); gradient.initialize(repeating: 0)
        curvature = .allocate(capacity: n); curvature.initialize(repeating: 0)
    }

    func deallocate() { hessian.deallocate(); vectors.deallocate(); gradient.deallocate(); curvature.deallocate() }
}
