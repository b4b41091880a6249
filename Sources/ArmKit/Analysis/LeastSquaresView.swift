import AutoDiff

/// The least-squares view of IK at one configuration: e, L = ½‖e‖², ∇L = −Jᵀe and the Hessian of L, both as
/// nested AD gives it and split into its parts,
///     ∇²L = JᵀJ − Σᵣ eᵣ ∇²fᵣ   (f = the tip rows, e = target − f),
/// the Gauss–Newton part JᵀJ (all DLS and the pseudo-inverse see) and the second-order part −Σ eᵣ∇²fᵣ (what
/// makes a stretched arm's inward target a saddle). Then its eigen-decomposition and curvature class.
public struct LeastSquaresView: Sendable {
    public let error: [Double]
    public let loss: Double
    public let gradient: [Double]
    public let gradientNorm: Double
    /// ‖∇L‖ / (‖J‖_F ‖e‖): the cosine-like size of the gradient next to the residual that drives it.
    public let relativeGradient: Double
    /// ‖∇L‖ ≤ `stationaryTolerance` · ‖J‖_F · ‖e‖: the solver's own saddle test (0 ≤ 0 at e = 0).
    public let stationary: Bool
    public let gaussNewton: Matrix
    public let secondOrder: Matrix
    /// ∇²L by forward-over-reverse AD of L itself (the `hessian` verb), independent of the split.
    public let hessian: Matrix
    /// max |∇²L − (JᵀJ + second-order part)|: the split checked against the nested-AD Hessian.
    public let splitResidual: Double
    public let eigen: EigenDecomposition
    public let tau: Double
    public let curvature: CurvatureClass
    /// max|λ| / min|λ|; nil when some λ is exactly 0.
    public let conditionNumber: Double?

    public static let stationaryTolerance = 1e-9

    public init(arm: PlanarArm, q: [Double], target: Pose2D, task: IKTask, jacobian j: Matrix) {
        let loss = LeastSquaresLoss(arm: arm, target: target, task: task, reference: q)
        let e = loss.error(q)
        error = e
        self.loss = 0.5 * e.reduce(0) { $0 + $1 * $1 }
        gradient = (0..<j.columns).map { c in -(0..<j.rows).reduce(0) { $0 + j[$1, c] * e[$1] } }
        gradientNorm = Self.norm(gradient)
        let scale = Self.norm(j.elements) * Self.norm(e)
        relativeGradient = scale > 0 ? gradientNorm / scale : 0
        stationary = gradientNorm <= Self.stationaryTolerance * scale
        gaussNewton = Self.gram(j)
        secondOrder = Self.secondOrderPart(arm: arm, q: q, task: task, error: e)
        hessian = LossHessian.forwardOverReverse(loss.objective, at: q)
        var residual = 0.0
        for k in hessian.elements.indices {
            residual = max(residual, abs(hessian.elements[k] - gaussNewton.elements[k] - secondOrder.elements[k]))
        }
        splitResidual = residual
        eigen = EigenDecomposition(symmetric: hessian)
        tau = CurvatureClass.tolerance(for: eigen.values)
        curvature = CurvatureClass.classify(eigenvalues: eigen.values)
        let magnitudes = eigen.values.map { abs($0) }
        let smallest = magnitudes.min() ?? 0
        conditionNumber = smallest > 0 ? (magnitudes.max() ?? 0) / smallest : nil
    }

    /// ∇²L = JᵀJ − Σᵣ eᵣ∇²fᵣ from its two parts alone, without the nested-AD Hessian the full view also takes:
    /// cheap enough for a read-out per drawn frame. `error` is e = target − f, one entry per task row.
    public static func splitHessian(arm: PlanarArm, q: [Double], task: IKTask, error e: [Double], jacobian j: Matrix) -> Matrix {
        var h = gram(j)
        let second = secondOrderPart(arm: arm, q: q, task: task, error: e)
        for k in h.elements.indices { h.elements[k] += second.elements[k] }
        return h
    }

    /// JᵀJ.
    static func gram(_ j: Matrix) -> Matrix {
        var g = Matrix(rows: j.columns, columns: j.columns)
        for a in 0..<j.columns {
            for b in a..<j.columns {
                var s = 0.0
                for r in 0..<j.rows { s += j[r, a] * j[r, b] }
                g[a, b] = s; g[b, a] = s
            }
        }
        return g
    }

    /// −Σᵣ eᵣ ∇²fᵣ from the kinematic Hessian (nested forward mode); the φ row is linear in q and adds nothing.
    static func secondOrderPart(arm: PlanarArm, q: [Double], task: IKTask, error e: [Double]) -> Matrix {
        let rowHessians = arm.kinematicHessian(q, task: task)
        var s = Matrix(rows: q.count, columns: q.count)
        for (r, h) in rowHessians.enumerated() {
            for k in s.elements.indices { s.elements[k] -= e[r] * h.elements[k] }
        }
        return s
    }

    /// ‖x‖₂ without overflow or underflow on the way (scaled by the largest entry).
    public static func norm(_ x: [Double]) -> Double {
        let m = x.reduce(0) { max($0, abs($1)) }
        guard m > 0, m.isFinite else { return m }
        return m * x.reduce(0) { $0 + ($1 / m) * ($1 / m) }.squareRoot()
    }
}
