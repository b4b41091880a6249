/// The shape of L(q) = ½‖e‖² around q, from the signs of its Hessian's eigenvalues. (The analysis helper adds
/// ArmKit's own `CurvatureClass`; this one is the window's until the merge folds them.)
enum HUDCurvature: String, Sendable, Equatable {
    /// Every eigenvalue positive: an isolated minimum nearby.
    case bowl
    /// None negative, some zero: a valley (the redundant directions of J, or a rank-deficient J).
    case flat
    /// Negative and positive eigenvalues: a saddle of L.
    case saddle
    /// Every eigenvalue negative: a local maximum.
    case hill

    /// Eigenvalues within `relative` × the largest magnitude count as zero.
    init(eigenvalues: [Double], relative: Double = 1e-9) {
        let scale = eigenvalues.map(abs).max() ?? 0
        let zero = max(scale * relative, 1e-300)
        let negative = eigenvalues.contains { $0 < -zero }, positive = eigenvalues.contains { $0 > zero }
        let flat = eigenvalues.contains { abs($0) <= zero }
        switch (negative, positive) {
        case (true, true): self = .saddle
        case (true, false): self = flat ? .saddle : .hill
        case (false, _): self = flat ? .flat : .bowl
        }
    }
}
