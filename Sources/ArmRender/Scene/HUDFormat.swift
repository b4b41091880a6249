#if canImport(Glibc)
import Glibc
#endif

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
        if v == .infinity { return "∞" }
        guard v.isFinite else { return "—" }
        if v == 0 { return "0" }
        if abs(v) < 1e-3 || abs(v) >= 1e4 { return String(cFormat: "%.2e", v) }
        return String(cFormat: "%.4f", v)
    }

    static func seconds(_ v: Double) -> String { String(cFormat: "%.2f s", v) }

    /// An angle in radians and degrees: "0.0123 rad (0.70°)".
    static func angle(_ radians: Double) -> String {
        guard radians.isFinite else { return "—" }
        return String(cFormat: "%.4f rad (%.2f°)", radians, radians * 180 / .pi)
    }

    /// "×2", "×1", "×1/4".
    static func speed(_ s: Double) -> String {
        if s >= 1 { return s == s.rounded() ? "×\(Int(s))" : String(cFormat: "×%.2f", s) }
        let inv = 1 / s
        return inv == inv.rounded() ? "×1/\(Int(inv))" : String(cFormat: "×%.3f", s)
    }

    /// Units from km down to nm, so a length never reads "0 mm"; beyond that range, metres in scientific form.
    private static let units: [(factor: Double, name: String)] = [
        (1e3, "km"), (1, "m"), (1e-2, "cm"), (1e-3, "mm"), (1e-6, "µm"), (1e-9, "nm"),
    ]

    /// A length with a unit chosen for it: "2 m", "0.5 m", "20 cm", "5 mm", "3 µm", "1e-300 m". `digits`
    /// significant digits (a scale-bar length is a nice number: 3 digits show it exactly).
    static func length(_ metres: Double, digits: Int = 3) -> String {
        guard metres.isFinite else { return "—" }
        if metres == 0 { return "0 m" }
        let a = abs(metres)
        if a >= 1e6 || a < 1e-9 { return String(cFormat: "%.\(max(0, digits - 1))e m", metres) }
        // Metres down to 0.1 m reads better than 10 cm for the usual arms; km only from 10 km.
        let unit = a >= 1e4 ? units[0] : a >= 0.1 ? units[1] : units.first { a >= $0.factor && $0.factor < 1 } ?? units[5]
        return plain(metres / unit.factor, digits: digits) + " " + unit.name
    }

    /// `digits` significant digits without an exponent (1000 stays "1000", not "1e+03").
    private static func plain(_ v: Double, digits: Int) -> String {
        abs(v) >= pow(10, Double(digits)) ? String(cFormat: "%.0f", v) : String(cFormat: "%.\(digits)g", v)
    }
}
