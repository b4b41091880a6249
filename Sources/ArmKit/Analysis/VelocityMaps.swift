import AutoDiff

/// Velocities through J: forward (tip velocity J·q̇, a JVP of the tip map) and inverse (the joint velocity
/// that produces a tip velocity: q̇ = J⁺v, and its damped counterpart Jᵀ(JJᵀ + λ²I)⁻¹v).
public enum VelocityMaps {
    /// J·q̇ by one forward-mode sweep (no J formed).
    public static func tipVelocity(arm: PlanarArm, q: [Double], task: IKTask, qdot: [Double]) -> [Double] {
        jvp(TipMap(arm: arm, task: task), at: q, along: qdot).tangent
    }

    /// q̇ = Jᵀ U diag(1/(σₖ² + λ²)) Uᵀ v from the eigen-decomposition JJᵀ = U diag(σ²) Uᵀ. With λ = 0 this is
    /// the Moore–Penrose J⁺v; directions with σₖ ≤ `rankCutoff`·σ_max count as lost rank and are dropped
    /// (the pseudo-inverse of a rank-deficient J), so the result is finite even at an exact singularity.
    public static func jointVelocity(jacobian j: Matrix, tipVelocity v: [Double], lambda: Double) -> [Double] {
        precondition(v.count == j.rows, "one tip-velocity entry per task row")
        let gram = Matrix((0..<j.rows).map { a in (0..<j.rows).map { b in (0..<j.columns).reduce(0) { $0 + j[a, $1] * j[b, $1] } } })
        let eigen = EigenDecomposition(symmetric: gram)
        let largest = eigen.values.last ?? 0
        var w = [Double](repeating: 0, count: j.rows)
        for (value, u) in zip(eigen.values, eigen.vectors) {
            let shifted = max(value, 0) + lambda * lambda
            guard value > rankCutoff * rankCutoff * largest, shifted > 0 else { continue }
            let projection = zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } / shifted
            for r in w.indices { w[r] += projection * u[r] }
        }
        return (0..<j.columns).map { c in (0..<j.rows).reduce(0) { $0 + j[$1, c] * w[$1] } }
    }

    /// σ below this fraction of σ_max is treated as exactly lost rank by `jointVelocity`.
    public static let rankCutoff = 1e-12
}
