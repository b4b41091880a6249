/// The full eigen-decomposition of a small symmetric matrix in place, by cyclic Jacobi rotations (exact to
/// rounding, O(n³) a sweep, a handful of sweeps). On return the eigenvalues are on `a`'s diagonal and the
/// eigenvectors are the columns of `vectors` (row-major n × n). Allocation-free: the caller owns both buffers.
enum JacobiEigen {
    static func decompose(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, vectors v: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<n { for j in 0..<n { v[i * n + j] = i == j ? 1 : 0 } }
        var scale = 0.0
        for i in 0..<(n * n) { scale += a[i] * a[i] }
        guard scale > 0, scale.isFinite else { return }
        for _ in 0..<60 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i * n + j] * a[i * n + j] } }
            if off <= 1e-30 * scale { return }
            for p in 0..<n { for q in (p + 1)..<max(p + 1, n) where a[p * n + q] != 0 { rotate(a, n, v, p, q) } }
        }
    }

    /// Zeroes a[p][q] (and a[q][p]) by one rotation, applied to both sides of a and to the vectors.
    @inline(__always)
    private static func rotate(_ a: UnsafeMutableBufferPointer<Double>, _ n: Int, _ v: UnsafeMutableBufferPointer<Double>,
                               _ p: Int, _ q: Int) {
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
        for k in 0..<n {
            let vkp = v[k * n + p], vkq = v[k * n + q]
            v[k * n + p] = c * vkp - s * vkq
            v[k * n + q] = s * vkp + c * vkq
        }
    }
}
