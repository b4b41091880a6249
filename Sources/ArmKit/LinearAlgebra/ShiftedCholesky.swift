/// Cholesky with an added multiple of the identity (Nocedal & Wright, *Numerical Optimization*, Algorithm 3.3):
/// factors A + τI = L Lᵀ with the smallest τ of the sequence 0 (when A's diagonal is positive), β, 2β, 4β, …
/// (β = 1e-3·‖A‖_F) that makes it positive definite, so the solved step is a descent direction whatever A's
/// curvature. n³/6 flops a try, allocation-free: the factor goes into the caller's buffer.
enum ShiftedCholesky {
    /// Factors `a` (row-major n × n, untouched) into the lower triangle of `factor`; returns τ, or nil when no
    /// shift up to 2⁶⁰β works (A not finite).
    static func factor(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, into factor: UnsafeMutableBufferPointer<Double>) -> Double? {
        var norm = 0.0, smallestDiagonal = Double.infinity
        for i in 0..<(n * n) { norm += a[i] * a[i] }
        for i in 0..<n { smallestDiagonal = min(smallestDiagonal, a[i * n + i]) }
        guard norm.isFinite else { return nil }
        let beta = max(1e-3 * norm.squareRoot(), 1e-300)
        var tau = smallestDiagonal > 0 ? 0 : beta - smallestDiagonal
        for _ in 0..<60 {
            if tryFactor(a, n, shift: tau, into: factor) { return tau }
            tau = max(2 * tau, beta)
        }
        return nil
    }

    private static func tryFactor(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, shift: Double,
                                  into l: UnsafeMutableBufferPointer<Double>) -> Bool {
        for j in 0..<n {
            var d = a[j * n + j] + shift
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 0, d.isFinite else { return false }
            let ljj = d.squareRoot()
            l[j * n + j] = ljj
            for i in (j + 1)..<max(j + 1, n) {
                var s = a[i * n + j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / ljj
            }
        }
        return true
    }

    /// Solves L Lᵀ x = b in place (b becomes x).
    static func solve(_ l: UnsafeMutableBufferPointer<Double>, _ n: Int, _ b: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<n {
            var s = b[i]
            for k in 0..<i { s -= l[i * n + k] * b[k] }
            b[i] = s / l[i * n + i]
        }
        var i = n - 1
        while i >= 0 {
            var s = b[i]
            for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * b[k] }
            b[i] = s / l[i * n + i]
            i -= 1
        }
    }
}
