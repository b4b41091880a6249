import AutoDiff

/// Every eigenpair of a symmetric matrix by cyclic Jacobi rotations: exact to rounding, O(n³) per sweep, meant
/// for the small Hessians `inspect` and `solve --trace` show (the solver's own saddle test only needs λ_min).
public struct EigenDecomposition: Sendable, Equatable {
    /// Eigenvalues in ascending order.
    public let values: [Double]
    /// `vectors[k]` is the unit eigenvector of `values[k]`, its sign fixed so its largest-magnitude entry is
    /// positive (so two runs print the same vector).
    public let vectors: [[Double]]

    public init(symmetric input: Matrix) {
        precondition(input.rows == input.columns, "eigen-decomposition needs a square matrix")
        let n = input.rows
        var a = input.elements
        var v = [Double](repeating: 0, count: n * n)
        for i in 0..<n { v[i * n + i] = 1 }
        Self.rotateToDiagonal(&a, &v, n)
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { k in Self.canonicalSign((0..<n).map { v[$0 * n + k] }) }
    }

    /// Cyclic Jacobi: rotate away each off-diagonal pair until the off-diagonal mass is rounding next to the
    /// diagonal's (or 60 sweeps, far more than the ~6–10 a symmetric matrix needs).
    static func rotateToDiagonal(_ a: inout [Double], _ v: inout [Double], _ n: Int) {
        guard n > 1 else { return }
        for _ in 0..<60 {
            var off = 0.0, diagonal = 0.0
            for i in 0..<n {
                diagonal += a[i * n + i] * a[i * n + i]
                for j in (i + 1)..<n { off += a[i * n + j] * a[i * n + j] }
            }
            if off <= 1e-32 * diagonal || off < 1e-300 { return }
            for p in 0..<(n - 1) {
                for q in (p + 1)..<n where a[p * n + q] != 0 { rotate(&a, &v, n, p, q) }
            }
        }
    }

    /// One Jacobi rotation zeroing a[p, q] (Golub & Van Loan, Algorithm 8.5.1's symmetric Schur step).
    @inline(__always) static func rotate(_ a: inout [Double], _ v: inout [Double], _ n: Int, _ p: Int, _ q: Int) {
        let apq = a[p * n + q]
        let theta = (a[q * n + q] - a[p * n + p]) / (2 * apq)
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
        for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }

    static func canonicalSign(_ x: [Double]) -> [Double] {
        guard let largest = x.indices.max(by: { abs(x[$0]) < abs(x[$1]) }), x[largest] < 0 else { return x }
        return x.map { -$0 }
    }
}
