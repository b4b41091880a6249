/// The scalar vocabulary that `Double` and every AD type share: what code generic over the scalar may use.
///
/// Write a computation once, generic over `T: ADReal`, and evaluate it with `Double` for values,
/// `DualVector` for forward-mode Jacobians, `Tracked` for reverse mode, and nestings of them for second order.
///
/// Where a derivative does not exist, the rules never manufacture a NaN:
/// - `sqrt` at exactly 0: the derivative is +∞ along a non-zero tangent and 0 along a zero one
///   (so an input that does not touch the argument keeps a zero partial instead of 0·∞ = NaN).
/// - `abs` at 0 and `atan2` at the origin take the subgradient 0.
/// - `log` at 0 gives −∞ with derivative +∞ along a non-zero tangent, 0 along a zero one.
/// - `pow(x, p)` at x = 0 for p < 1: as `sqrt`, +∞ along a non-zero tangent, 0 along a zero one.
/// Values themselves follow IEEE 754 (`sqrt(-1)` is NaN as it is for `Double`).
public protocol ADReal: Sendable {
    /// A constant: its derivative with respect to every input is 0.
    init(_ constant: Double)
    /// The underlying `Double` value, for branching and reporting (derivatives dropped).
    var primal: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self
    /// Scaling by a constant, cheaper than lifting the constant and multiplying.
    static func * (lhs: Double, rhs: Self) -> Self
    static func + (lhs: Self, rhs: Double) -> Self
    /// self + k·b in one operation (one tape node in reverse mode).
    func addingProduct(_ k: Double, _ b: Self) -> Self
    /// self·k, except that a zero component stays zero even when k is infinite (see the type's notes).
    func scaledKeepingZeros(by k: Double) -> Self

    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    /// Both at once: for `Double`, glibc's `sincos`, little more than the price of one.
    static func sincos(_ x: Self) -> (sin: Self, cos: Self)
    static func tan(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func atan2(y: Self, x: Self) -> Self
    static func pow(_ x: Self, _ p: Double) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    static func abs(_ x: Self) -> Self
}

extension ADReal {
    @inlinable public static func - (lhs: Self, rhs: Double) -> Self { lhs + (-rhs) }
    @inlinable public static func + (lhs: Double, rhs: Self) -> Self { rhs + lhs }
    @inlinable public static func * (lhs: Self, rhs: Double) -> Self { rhs * lhs }
    @inlinable public static func / (lhs: Self, rhs: Double) -> Self { (1 / rhs) * lhs }
    @inlinable public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
    @inlinable public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }
    @inlinable public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }
    @inlinable public static var zero: Self { Self(0) }
    @inlinable public static var one: Self { Self(1) }
}

/// Derivative factors shared by every AD type, so each rule is written once.
@usableFromInline
enum DerivativeRule {
    /// d/dx sqrt(x) = 1 / (2 sqrt(x)); +∞ at 0 (applied with `scaledKeepingZeros`).
    @inlinable static func sqrt(root: Double) -> Double { root == 0 ? .infinity : 0.5 / root }
    /// d/dx log(x) = 1/x; +∞ at 0.
    @inlinable static func log(_ x: Double) -> Double { x == 0 ? .infinity : 1 / x }
    /// d/dx |x|: the sign, with the subgradient 0 at 0.
    @inlinable static func abs(_ x: Double) -> Double { x > 0 ? 1 : (x < 0 ? -1 : 0) }
}
