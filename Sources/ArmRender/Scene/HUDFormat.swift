import FoundationEssentials

/// Number formatting for the HUD and labels.
enum HUDFormat {
    /// Metres with a unit: "1.23e-07 m" for tiny values, "0.0421 m" otherwise.
    static func metres(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        if v == 0 { return "0 m" }
        if abs(v) < 1e-3 || abs(v) >= 1e4 { return String(cFormat: "%.2e m", v) }
        return String(cFormat: "%.4f m", v)
    }

    /// A plain quantity with four significant decimals, scientific when tiny.
    static func value(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        if v == 0 { return "0" }
        if abs(v) < 1e-3 || abs(v) >= 1e4 { return String(cFormat: "%.2e", v) }
        return String(cFormat: "%.4f", v)
    }

    static func seconds(_ v: Double) -> String { String(cFormat: "%.2f s", v) }

    /// "×2", "×1", "×1/4".
    static func speed(_ s: Double) -> String {
        if s >= 1 { return s == s.rounded() ? "×\(Int(s))" : String(cFormat: "×%.2f", s) }
        let inv = 1 / s
        return inv == inv.rounded() ? "×1/\(Int(inv))" : String(cFormat: "×%.3f", s)
    }

    /// A scale-bar length: "2 m", "0.5 m", "20 cm", "5 mm".
    static func length(_ metres: Double) -> String {
        if metres >= 1 { return String(cFormat: "%g m", metres) }
        if metres >= 0.1 { return String(cFormat: "%g m", (metres * 1000).rounded() / 1000) }
        if metres >= 0.01 { return String(cFormat: "%g cm", (metres * 1000).rounded() / 10) }
        return String(cFormat: "%g mm", (metres * 1e6).rounded() / 1000)
    }
}
