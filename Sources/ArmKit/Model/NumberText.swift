/// A number as messages show it: whole numbers without ".0" (`-1`, `0`), everything else as Swift prints it.
/// Public because the scenario decoder (ArmIO) words its messages with the same rule.
public func formatNumber(_ x: Double) -> String {
    if x.isFinite, x == x.rounded(), abs(x) < 1e15 {
        return String(Int64(x))
    }
    return "\(x)"
}
