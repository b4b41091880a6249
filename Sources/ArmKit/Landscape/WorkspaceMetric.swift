/// What a workspace map's cells show: the best value of a dexterity measure among the samples whose tip fell
/// in the cell, or how many did.
public enum WorkspaceMetric: String, Sendable, Equatable, CaseIterable {
    /// √det(J Jᵀ) of the position rows (m²/rad for a planar arm).
    case manipulability
    /// The smallest singular value of the position Jacobian (m/rad).
    case sigmaMin = "sigma-min"
    /// The number of samples that landed in the cell.
    case reachCount = "reach-count"

    /// The value of one sample from J Jᵀ = [[a, c], [c, b]].
    @inline(__always) func value(a: Double, b: Double, c: Double) -> Double {
        switch self {
        case .manipulability: return Swift.max(0, a * b - c * c).squareRoot()
        case .sigmaMin: return Swift.max(0, symmetricEigenvalues2x2(a, c, b).0).squareRoot()
        case .reachCount: return 1
        }
    }

    var unit: String {
        switch self {
        case .manipulability: "m²/rad"
        case .sigmaMin: "m/rad"
        case .reachCount: "samples"
        }
    }
}
