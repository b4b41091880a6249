/// A secondary objective for a redundant arm, moved in J's null space: (I − J⁺J) z, with z the objective's
/// descent direction times its gain and J⁺ = Jᵀ (J Jᵀ + λ² I)⁻¹, so the primary task is not disturbed.
struct NullSpaceProjection {
    /// `.none` when the objective is off or the arm has no redundancy.
    let objective: NullSpaceObjective
    let gain: Double
    let rest: [Double]
    let limits: [JointLimit]?
    let arm: PlanarArm
    let task: IKTask

    var isActive: Bool { objective != .none }

    /// z at q into `z`; false when the objective has nothing to say (off, or `limits` on an arm without any).
    func descent(at q: UnsafeMutableBufferPointer<Double>, into z: UnsafeMutableBufferPointer<Double>) -> Bool {
        let n = q.count
        switch objective {
        case .none: return false
        case .rest:
            for i in 0..<n { z[i] = -gain * (q[i] - rest[i]) }
        case .limits:
            guard let limits else { return false }
            for i in 0..<n {
                let mid = 0.5 * (limits[i].lower + limits[i].upper)
                let range = max(limits[i].upper - limits[i].lower, 1e-9)
                z[i] = -gain * (q[i] - mid) / (range * range)
            }
        case .manipulability:
            let g = ManipulabilityGradient.compute(arm: arm, q: Array(q), task: task)
            for i in 0..<n { z[i] = gain * g[i] }
        }
        return true
    }

    /// ‖v‖ without overflow in its squares (∞ only when some element is not finite).
    static func scaledNorm(_ v: UnsafeMutableBufferPointer<Double>) -> Double {
        let largest = v.reduce(0) { max($0, abs($1)) }
        guard largest.isFinite, largest > 0 else { return largest }
        return largest * v.reduce(0) { $0 + ($1 / largest) * ($1 / largest) }.squareRoot()
    }

    /// Adds (I − J⁺J) z to `step`, z computed at q into `z` (which ends holding the motion). A motion longer than
    /// `bound` (a huge gain far from the objective's optimum) is scaled to it; a non-finite one is dropped.
    func add<Shape: TaskShape>(to step: UnsafeMutableBufferPointer<Double>, at q: UnsafeMutableBufferPointer<Double>,
                               jacobian: UnsafeMutableBufferPointer<Double>, gram: SmallSymmetric, lambda: Double,
                               z: UnsafeMutableBufferPointer<Double>, bound: Double, _: Shape.Type) {
        guard descent(at: q, into: z) else { return }
        let n = q.count
        var jz = SIMD3<Double>()
        for r in 0..<Shape.rows { for c in 0..<n { jz[r] += jacobian[r * n + c] * z[c] } }
        guard let w = gram.solve(shift: max(lambda * lambda, 1e-12), jz) else { return }
        var normSquared = 0.0
        for c in 0..<n {
            var s = jacobian[c] * w[0] + jacobian[n + c] * w[1]
            if Shape.hasAngleRow { s += jacobian[2 * n + c] * w[2] }
            z[c] -= s
            normSquared += z[c] * z[c]
        }
        let norm = normSquared.isFinite ? normSquared.squareRoot() : Self.scaledNorm(z)
        guard norm.isFinite else { return }
        let scale = norm > bound ? bound / norm : 1
        for c in 0..<n { step[c] += scale == 1 ? z[c] : scale * z[c] }
    }
}
