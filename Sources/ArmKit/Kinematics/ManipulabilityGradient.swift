import AutoDiff

/// ∇w for manipulability w = √det(J Jᵀ): ∂w/∂q_k = w · tr(J⁺ ∂J/∂q_k), with ∂J/∂q_k from the kinematic
/// Hessian (nested AD), so no second derivative is derived by hand. Allocates; only the optional
/// `manipulability` null-space objective uses it.
enum ManipulabilityGradient {
    static func compute(arm: PlanarArm, q: [Double], task: IKTask) -> [Double] {
        let n = arm.jointCount, m = task.dimension
        let j = arm.jacobian(q, task: task)
        let h = arm.kinematicHessian(q, task: task)
        // A = J Jᵀ and its inverse (2×2 or 3×3).
        var a = Matrix(rows: m, columns: m)
        for r in 0..<m { for s in 0..<m { a[r, s] = (0..<n).reduce(0) { $0 + j[r, $1] * j[s, $1] } } }
        guard let inv = invert(a) else { return [Double](repeating: 0, count: n) }
        let det = determinant(a)
        let w = max(det, 0).squareRoot()
        // J⁺ = Jᵀ A⁻¹ (n × m); tr(J⁺ ∂J/∂q_k) = Σ_{c,r} J⁺[c,r] ∂J[r,c]/∂q_k.
        var grad = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var trace = 0.0
            for c in 0..<n {
                for r in 0..<m {
                    var pinv = 0.0
                    for s in 0..<m { pinv += j[s, c] * inv[s, r] }
                    trace += pinv * h[r][k, c]
                }
            }
            grad[k] = w * trace
        }
        return grad
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
