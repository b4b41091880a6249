import AutoDiff

/// The default pair of joints for a landscape: the two with the largest weight in the Hessian of L,
/// weight_k = Σ_m |λ_m| v_mk² (the diagonal of |H|, from the full eigen-decomposition): the joints along which
/// the objective curves most, of either sign. Ties go to the lower index.
public enum JointPairChoice {
    public static func strongest(arm: PlanarArm, task: IKTask, q: [Double], target: Pose2D) -> (Int, Int) {
        precondition(arm.jointCount >= 2)
        let objective = ErrorObjective(arm: arm, target: target, task: task, reference: q)
        let h = hessian(objective, at: q)
        let weights = absoluteDiagonal(h)
        let order = weights.indices.sorted { weights[$0] > weights[$1] || (weights[$0] == weights[$1] && $0 < $1) }
        return (Swift.min(order[0], order[1]), Swift.max(order[0], order[1]))
    }

    /// diag(|H|) = Σ_m |λ_m| v_mk², by cyclic Jacobi (n is small: an arm's joints).
    static func absoluteDiagonal(_ h: Matrix) -> [Double] {
        let n = h.rows
        var a = h, v = Matrix(rows: n, columns: n)
        for i in 0..<n { v[i, i] = 1 }
        for _ in 0..<60 {
            var off = 0.0
            for p in 0..<n { for r in (p + 1)..<max(p + 1, n) { off += a[p, r] * a[p, r] } }
            if off < 1e-30 { break }
            for p in 0..<n { for r in (p + 1)..<max(p + 1, n) { rotate(&a, &v, p, r) } }
        }
        return (0..<n).map { k in (0..<n).reduce(0) { $0 + Swift.abs(a[$1, $1]) * v[k, $1] * v[k, $1] } }
    }

    /// One Jacobi rotation zeroing a[p, r]; v accumulates the eigenvectors as columns.
    private static func rotate(_ a: inout Matrix, _ v: inout Matrix, _ p: Int, _ r: Int) {
        guard a[p, r] != 0 else { return }
        let n = a.rows
        let theta = 0.5 * (a[r, r] - a[p, p]) / a[p, r]
        let t = (theta >= 0 ? 1.0 : -1.0) / (Swift.abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<n {
            let akp = a[k, p], akr = a[k, r]
            a[k, p] = c * akp - s * akr; a[k, r] = s * akp + c * akr
        }
        for k in 0..<n {
            let apk = a[p, k], ark = a[r, k]
            a[p, k] = c * apk - s * ark; a[r, k] = s * apk + c * ark
        }
        for k in 0..<n {
            let vkp = v[k, p], vkr = v[k, r]
            v[k, p] = c * vkp - s * vkr; v[k, r] = s * vkp + c * vkr
        }
    }
}
