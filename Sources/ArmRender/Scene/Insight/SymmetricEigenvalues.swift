/// All eigenvalues of a small symmetric matrix (row-major n×n) by cyclic Jacobi rotations, ascending. For the
/// HUD's curvature read-out (n up to a few dozen, once per drawn frame); ArmKit's eigen solver is internal.
enum SymmetricEigenvalues {
    static func of(_ matrix: [Double], n: Int) -> [Double] {
        precondition(matrix.count == n * n)
        var a = matrix
        for _ in 0..<80 {
            var off = 0.0, diag = 0.0
            for i in 0..<n {
                diag += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<max(i + 1, n) { off += a[i * n + j] * a[i * n + j] }
            }
            if off <= 1e-30 * max(diag, 1e-300) { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 { rotate(&a, n, p, q) }
            }
        }
        return (0..<n).map { a[$0 * n + $0] }.sorted()
    }

    /// One Jacobi rotation zeroing a[p][q].
    private static func rotate(_ a: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * a[p * n + q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot(), s = t * c
        for k in 0..<n {
            let akp = a[k * n + p], akq = a[k * n + q]
            a[k * n + p] = c * akp - s * akq
            a[k * n + q] = s * akp + c * akq
        }
        for k in 0..<n {
            let apk = a[p * n + k], aqk = a[q * n + k]
            a[p * n + k] = c * apk - s * aqk
            a[q * n + k] = s * apk + c * aqk
        }
    }
}
