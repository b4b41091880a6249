/// The optional panels of the window (each also a key).
public enum WindowPanel: String, Sendable, CaseIterable {
    /// Key E: the manipulability (velocity) ellipse at the tip.
    case ellipse
    /// Key C: strip charts of error, σ_min, λ and iterations.
    case charts
}
