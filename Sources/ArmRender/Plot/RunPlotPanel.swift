/// The panels of a run plot, top to bottom in this order.
public enum RunPlotPanel: String, Sendable, CaseIterable {
    /// The joint angles q_i (rad).
    case q
    /// Tracking error ‖e‖ on a log scale, with the tolerance.
    case error
    /// σ_min with the singular threshold ε.
    case sigmaMin = "sigma-min"
    /// Damping λ (left axis) and iterations (right axis).
    case damping
    /// The status band along the bottom.
    case status

    var weight: Double {
        switch self {
        case .q: 3
        case .error, .sigmaMin, .damping: 2
        case .status: 0
        }
    }
}

/// A guide line on a panel (tolerance, ε) and where its value came from.
public struct PlotGuide: Sendable {
    public var value: Double
    public var label: String
    public init(value: Double, label: String) { self.value = value; self.label = label }
}
