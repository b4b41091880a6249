import AutoDiff

/// The shape of a scalar function near a point, read from its Hessian's eigenvalues λ against a tolerance
/// τ = `relativeTolerance` · max|λ| (so the class does not depend on the units of q or of the function):
/// - `bowl`: every λ > τ (a strict local minimum if the point is stationary);
/// - `hill`: some λ < −τ and none > τ (every direction curves down or is flat: a maximum, or a degenerate one);
/// - `saddle`: some λ < −τ and some λ > τ (a stationary saddle is left only along negative curvature);
/// - `flat`: none < −τ and some |λ| ≤ τ (degenerate: a valley floor, e.g. a redundant arm's null space).
/// The four cases are exhaustive. A zero matrix is `flat`.
public enum CurvatureClass: String, Sendable, Equatable, CaseIterable {
    case bowl, hill, saddle, flat

    /// τ / max|λ|. Rounding in an AD Hessian is ~1e-16 of its scale and a finite-difference one ~1e-8, so 1e-6
    /// keeps both on the same side, while any curvature a solver could act on is far above it.
    public static let relativeTolerance = 1e-6

    /// τ for these eigenvalues.
    public static func tolerance(for eigenvalues: [Double], relative: Double = relativeTolerance) -> Double {
        relative * (eigenvalues.map { abs($0) }.max() ?? 0)
    }

    public static func classify(eigenvalues: [Double], relative: Double = relativeTolerance) -> CurvatureClass {
        let tau = tolerance(for: eigenvalues, relative: relative)
        let negative = eigenvalues.contains { $0 < -tau }
        let positive = eigenvalues.contains { $0 > tau }
        let degenerate = eigenvalues.isEmpty || eigenvalues.contains { abs($0) <= tau }
        switch (negative, positive) {
        case (true, true): return .saddle
        case (true, false): return .hill
        case (false, _): return degenerate ? .flat : .bowl
        }
    }

    /// The class of a symmetric matrix (its eigenvalues by `EigenDecomposition`).
    public static func classify(hessian: Matrix, relative: Double = relativeTolerance) -> CurvatureClass {
        classify(eigenvalues: EigenDecomposition(symmetric: hessian).values, relative: relative)
    }
}
