#if canImport(Glibc)
import Glibc
#endif

/// The optional panels of the window (each also a key).
public enum WindowPanel: String, Sendable, CaseIterable {
    /// Key E: the manipulability (velocity) ellipse at the tip.
    case ellipse
    /// Key C: strip charts of error, σ_min, λ and iterations.
    case charts
    /// Key G: the loss landscape L(q_i, q_j) over two joints with the critical points.
    case landscape
}

extension WindowPanel {
    /// "ellipse,charts,landscape" → the set; `option` names the flag or variable in the error ("--panels").
    public static func parseList(_ text: String, option: String) throws(RenderError) -> Set<WindowPanel> {
        var panels: Set<WindowPanel> = []
        for name in text.split(separator: ",") {
            let word = String(name.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            guard let panel = WindowPanel(rawValue: word) else {
                throw RenderError(.invalidArgument, "\(option): unknown panel '\(word)' (panels: \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            panels.insert(panel)
        }
        return panels
    }
}
