/// Newton on L = ½‖e‖² with the full Hessian H (`ChainLossHessian`: JᵀJ plus the second-order part Σ eᵢ∇²fᵢ that DLS
/// never sees), regularised by a modified Cholesky (`ShiftedCholesky`: H + τI with the smallest τ that makes it
/// positive definite, so every step descends). At a stationary point away from the target (∇L = 0, where no
/// gradient-based step moves, as at the stretched arm's saddle) it eigen-decomposes H and steps `maxStep` along
/// its most negative curvature, so it needs no separate escape; with none, it is a true minimum. Chosen over
/// saddle-free Newton (|H| from a full eigen-decomposition at every iteration) by measurement: the Jacobi
/// decomposition at every iteration cost far more than the step's target (docs/performance.md).
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
        let n = q.count, h = buffers.hessian, b = ws.step
        escaped = false
        for i in 0..<n { ws.backup[i] = q[i] }
        let frozen = ws.activeSet.map { $0.mark(q, jacobian: ws.jacobian, residual: e, Shape.self) } ?? false
        // The sweep at q holds every link's direction: its second derivatives need no sincos.
        let directions = ws.sweeps.directions
        ChainLossHessian.compute(into: h, count: n, lengths: model.arm.links, jacobian: ws.jacobian, rows: Shape.rows,
                                 residual: e.components, curvature: buffers.curvature) { directions.secondOrder($0) }
        var gradientSquared = 0.0, jacobianSquared = 0.0
        for c in 0..<n {   // b = Jᵀe = −∇L, into the step buffer the solve overwrites with Δq
            var s = 0.0
            for r in 0..<Shape.rows { let v = ws.jacobian[r * n + c]; s += v * e.components[r]; jacobianSquared += v * v }
            b[c] = s
            gradientSquared += s * s
        }
        if frozen, let activeSet = ws.activeSet {   // frozen joints: no step, no coupling
            for i in 0..<n where activeSet.frozen[i] {
                b[i] = 0
                for k in 0..<n { h[i * n + k] = 0; h[k * n + i] = 0 }
                h[i * n + i] = 1
            }
        }
        if gradientSquared <= 1e-18 * jacobianSquared * e.normSquared {   // stationary: the saddle test
            escapeAlongNegativeCurvature(h, n: n, buffers: buffers, maxStep: model.config.maxStep, step: b)
        } else {
            guard ShiftedCholesky.factor(h, n, into: buffers.vectors) != nil else { return nil }
            ShiftedCholesky.solve(buffers.vectors, n, b)
        }
        var normSquared = 0.0
        for i in 0..<n { normSquared += b[i] * b[i] }
        if model.isFree { for i in 0..<n { q[i] += b[i] } }
        return normSquared
    }

    /// `maxStep` along the eigenvector of H's most negative eigenvalue (L drops by about ½α²|λ| either way when
    /// ∇L = 0); no step when H has no negative curvature (a true minimum).
    private mutating func escapeAlongNegativeCurvature(_ h: UnsafeMutableBufferPointer<Double>, n: Int,
                                                       buffers: NewtonBuffers, maxStep: Double,
                                                       step: UnsafeMutableBufferPointer<Double>) {
        JacobiEigen.decompose(h, n, vectors: buffers.vectors)
        var lowest = 0, largest = 0.0
        for i in 0..<n {
            largest = max(largest, abs(h[i * n + i]))
            if h[i * n + i] < h[lowest * n + lowest] { lowest = i }
        }
        for k in 0..<n { step[k] = 0 }
        guard h[lowest * n + lowest] < -1e-9 * max(largest, 1e-300) else { return }
        for k in 0..<n { step[k] = maxStep * buffers.vectors[k * n + lowest] }
        escaped = true
    }
}

/// The Newton rule's buffers (the n × n Hessian, its factor or eigenvectors, the curvature sums), allocated only
/// for `newton`.
struct NewtonBuffers {
    let hessian: UnsafeMutableBufferPointer<Double>
    let vectors: UnsafeMutableBufferPointer<Double>
    let curvature: UnsafeMutableBufferPointer<Double>

    init(count n: Int) {
        hessian = .allocate(capacity: n * n); hessian.initialize(repeating: 0)
        vectors = .allocate(capacity: n * n); vectors.initialize(repeating: 0)
        curvature = .allocate(capacity: n); curvature.initialize(repeating: 0)
    }

    func deallocate() { hessian.deallocate(); vectors.deallocate(); curvature.deallocate() }
}
