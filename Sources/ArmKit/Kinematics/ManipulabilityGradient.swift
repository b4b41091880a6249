import AutoDiff

/// ∇w for manipulability w = √det(J Jᵀ), in O(n) from the chain's structure.
///
/// ∂w/∂q_k = w · tr(J⁺ ∂J/∂q_k), J⁺ = Jᵀ(J Jᵀ)⁻¹. For a planar chain with link vectors u_i and suffix sums
/// U_c = Σ_{i≥c} u_i (the tip seen from joint c), column c of J is (−U_c.y, U_c.x[, 1]) and the kinematic
/// Hessian has the closed form ∂J[:, c]/∂q_k = −(U_max(c,k), 0). So with B_c the position part of row c of J⁺,
/// tr(J⁺ ∂J/∂q_k) = −⟨Σ_{c<k} B_c, U_k⟩ − Σ_{c≥k} ⟨B_c, U_c⟩: one prefix and one suffix sum.
/// (The nested-AD form, O(n³), is kept in the tests as the oracle.)
public enum ManipulabilityGradient {
    public static func compute(arm: PlanarArm, q: [Double], task: IKTask) -> [Double] {
        let n = arm.jointCount, pose = task == .pose
        let (ux, uy) = suffixSums(arm: arm, q: q)
        // A = J Jᵀ from the columns (−U_c.y, U_c.x[, 1]).
        var a = Matrix(rows: task.dimension, columns: task.dimension)
        for c in 0..<n {
            let jx = -uy[c], jy = ux[c]
            a[0, 0] += jx * jx; a[0, 1] += jx * jy; a[1, 1] += jy * jy
            if pose { a[0, 2] += jx; a[1, 2] += jy; a[2, 2] += 1 }
        }
        a[1, 0] = a[0, 1]
        if pose { a[2, 0] = a[0, 2]; a[2, 1] = a[1, 2] }
        guard let inv = invert(a) else { return [Double](repeating: 0, count: n) }
        let w = max(determinant(a), 0).squareRoot()

        // B_c[r] = Σ_s J[s, c]·A⁻¹[s, r] for the position rows r = 0, 1 (∂J's φ row is zero).
        func b(_ c: Int) -> (Double, Double) {
            let jx = -uy[c], jy = ux[c]
            var b0 = jx * inv[0, 0] + jy * inv[1, 0], b1 = jx * inv[0, 1] + jy * inv[1, 1]
            if pose { b0 += inv[2, 0]; b1 += inv[2, 1] }
            return (b0, b1)
        }
        var grad = [Double](repeating: 0, count: n)
        var suffix = 0.0   // Σ_{c≥k} ⟨B_c, U_c⟩
        for k in stride(from: n - 1, through: 0, by: -1) {
            let (b0, b1) = b(k)
            suffix += b0 * ux[k] + b1 * uy[k]
            grad[k] = -suffix
        }
        var p0 = 0.0, p1 = 0.0   // Σ_{c<k} B_c
        for k in 0..<n {
            grad[k] = w * (grad[k] - (p0 * ux[k] + p1 * uy[k]))
            let (b0, b1) = b(k)
            p0 += b0; p1 += b1
        }
        return grad
    }

    /// U_c = Σ_{i≥c} L_i (cos θ_i, sin θ_i), θ_i = q_0 + … + q_i: the tip relative to joint c.
    static func suffixSums(arm: PlanarArm, q: [Double]) -> (x: [Double], y: [Double]) {
        let n = arm.jointCount
        var x = [Double](repeating: 0, count: n), y = [Double](repeating: 0, count: n)
        var theta = 0.0
        for i in 0..<n {
            theta += q[i]
            let (s, c) = Double.sincos(theta)
            x[i] = arm.links[i] * c; y[i] = arm.links[i] * s
        }
        for i in stride(from: n - 2, through: 0, by: -1) { x[i] += x[i + 1]; y[i] += y[i + 1] }
        return (x, y)
    }

    static func determinant(_ a: Matrix) -> Double {
        if a.rows == 2 { return a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0] }
        return a[0, 0] * (a[1, 1] * a[2, 2] - a[1, 2] * a[2, 1])
            - a[0, 1] * (a[1, 0] * a[2, 2] - a[1, 2] * a[2, 0])
            + a[0, 2] * (a[1, 0] * a[2, 1] - a[1, 1] * a[2, 0])
    }

    static func invert(_ a: Matrix) -> Matrix? {
        let det = determinant(a)
        guard det.isFinite, abs(det) > 1e-300 else { return nil }
        var inv = Matrix(rows: a.rows, columns: a.rows)
        if a.rows == 2 {
            inv[0, 0] = a[1, 1] / det; inv[1, 1] = a[0, 0] / det
            inv[0, 1] = -a[0, 1] / det; inv[1, 0] = -a[1, 0] / det
            return inv
        }
        for r in 0..<3 {
            for c in 0..<3 {
                let r1 = (c + 1) % 3, r2 = (c + 2) % 3, c1 = (r + 1) % 3, c2 = (r + 2) % 3
                inv[r, c] = (a[r1, c1] * a[r2, c2] - a[r1, c2] * a[r2, c1]) / det
            }
        }
        return inv
    }
}
