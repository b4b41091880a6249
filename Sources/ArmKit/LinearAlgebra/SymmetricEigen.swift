import AutoDiff

/// The most negative eigenpair of a symmetric matrix (for leaving a saddle along negative curvature).
enum SymmetricEigen {
    /// Returns (λ_min, unit eigenvector). Cyclic Jacobi (exact to rounding) up to 64×64; beyond, shifted
    /// power iteration, which is enough to find a descent direction when λ_min < 0.
    static func smallest(_ h: Matrix) -> (value: Double, vector: [Double]) {
        h.rows <= 64 ? jacobi(h) : power(h)
    }

    /// λ_min and its eigenvector from the shared Jacobi sweep (the first of equal smallest diagonal entries).
    static func jacobi(_ input: Matrix) -> (value: Double, vector: [Double]) {
        let n = input.rows
        var a = input.elements
        var v = [Double](repeating: 0, count: n * n)
        EigenDecomposition.decompose(&a, &v, n)
        var best = 0
        for i in 1..<max(1, n) where a[i * n + i] < a[best * n + best] { best = i }
        return (a[best * n + best], (0..<n).map { v[$0 * n + best] })
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
