import ArmKit

/// How `inspect` and `solve` print numbers for people (JSON and CSV use `ShortestDouble` instead).
enum ReportNumbers {
    /// Three significant decimals in exponent form: residuals, tolerances, curvatures.
    static func e3(_ x: Double) -> String { String(cFormat: "%.3e", x) }
    /// Six significant digits, `%g`.
    static func g(_ x: Double) -> String { String(cFormat: "%g", x) }
    /// `[a, b, …]` of `g`.
    static func list(_ xs: [Double]) -> String { "[" + xs.map(g).joined(separator: ", ") + "]" }
}
