/// A number given on the command line, in decimal only (as in scenario files): `2.5`, `-1`, `5e-1`.
/// Hexadecimal (`0x10`), `nan`, `inf` and values that overflow to infinity are refused by the parser.
enum DecimalNumber {
    /// The value of a decimal numeral, or nil (not decimal, or not finite).
    static func parse(_ text: String) -> Double? {
        let allowed = Set("0123456789+-.eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), text.contains(where: \.isNumber),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
