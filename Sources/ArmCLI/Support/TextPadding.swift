/// Small text helpers for the command line's reports (printf-style numbers are `String(cFormat:)`, in ArmKit).
extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmedWhitespace: String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }

    /// Padded with spaces (or cut) to exactly `width` characters.
    func padded(to width: Int) -> String {
        count >= width ? String(prefix(width)) : String(self) + String(repeating: " ", count: width - count)
    }
}
