import ArmKit

extension WorkspaceMetric {
    var label: String {
        switch self {
        case .manipulability: "best √det(J Jᵀ) (m²/rad)"
        case .sigmaMin: "best σ_min (m/rad)"
        case .reachCount: "samples per cell"
        }
    }
}
