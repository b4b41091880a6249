import AutoDiff

/// The most negative eigenpair of a symmetric matrix (for leaving a saddle along negative curvature).
enum SymmetricEigen {
    /// Returns (λ_min, unit eigenvector). Cyclic Jacobi (exact to rounding) up to 64×64; beyond, shifted
    /// power iteration, which is enough to find a descent direction when λ_min < 0.
    static func smallest(_ h: Matrix) -> (value: Double, vector: [Double]) {
        h.rows <= 64 ? jacobi(h) : power(h)
    }

    static func jacobi(_ input: Matrix) -> (value: Double, vector: [Double]) {
        let n = input.rows
        var a = input
        var v = Matrix(rows: n, columns: n)
        for i in 0..<n { v[i, i] = 1 }
        for _ in 0..<60 {
            var off = 0.0
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { off += a[i, j] * a[i, j] } }
            if off < 1e-30 { break }
            for p in 0..<n {
                for q in (p + 1)..<max(p + 1, n) where a[p, q] != 0 {
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                    for k in 0..<n {
                        let vkp = v[k, p], vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        var best = 0
        for i in 1..<max(1, n) where a[i, i] < a[best, best] { best = i }
        return (a[best, best], (0..<n).map { v[$0, best] })
    }

    static func power(_ h: Matrix) -> (value: Double, vector: [Double]) {
        let n = h.rows
        // Gershgorin: every eigenvalue ≤ shift, so (shift·I − H) has its largest eigenvalue at λ_min(H).
        var shift = 0.0
        for i in 0..<n { shift = max(shift, (0..<n).reduce(0) { $0 + abs(h[i, $1]) }) }
        var x = (0..<n).map { 1.0 + 0.01 * Double($0 % 7) }
        for _ in 0..<500 {
            let hx = h * x
            var y = (0..<n).map { shift * x[$0] - hx[$0] }
            let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            for i in 0..<n { y[i] /= norm }
            x = y
        }
        let hx = h * x
        return ((0..<n).reduce(0) { $0 + x[$1] * hx[$1] }, x)
    }
}
