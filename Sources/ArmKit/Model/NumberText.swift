/// A number as messages show it: whole numbers without ".0" (`-1`, `0`), everything else as Swift prints it
/// with a leading zero of a negative exponent dropped (`1e-6`, not `1e-06`).
/// Public because the scenario decoder (ArmIO) words its messages with the same rule.
public func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
        return String(Int64(x))
    }
    var text = Array("\(x)")
    if let e = text.firstIndex(of: "e"), e + 2 < text.count, text[e + 1] == "-", text[e + 2] == "0" {
        text.remove(at: e + 2)
    }
    return String(text)
}
