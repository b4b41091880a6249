import AutoDiff

/// Every eigenpair of a symmetric matrix, the public face of `JacobiEigen` (the one Jacobi sweep every caller
/// shares: the solver's Newton rule and saddle test, `inspect`, `solve --trace`, the HUD). Exact to rounding,
/// O(n³) per sweep, meant for small matrices; the 2×2 case has a closed form in `symmetricEigenvalues2x2`.
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
        Self.decompose(&a, &v, n)
        let order = (0..<n).sorted { a[$0 * n + $0] < a[$1 * n + $1] }
        values = order.map { a[$0 * n + $0] }
        vectors = order.map { k in Self.canonicalSign((0..<n).map { v[$0 * n + k] }) }
    }

    /// `JacobiEigen.decompose` on row-major arrays: eigenvalues on a's diagonal, eigenvectors in v's columns.
    static func decompose(_ a: inout [Double], _ v: inout [Double], _ n: Int) {
        a.withUnsafeMutableBufferPointer { a in
            v.withUnsafeMutableBufferPointer { v in JacobiEigen.decompose(a, n, vectors: v) }
        }
    }

    static func canonicalSign(_ x: [Double]) -> [Double] {
        guard let largest = x.indices.max(by: { abs(x[$0]) < abs(x[$1]) }), x[largest] < 0 else { return x }
        return x.map { -$0 }
    }
}
