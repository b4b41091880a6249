/// Forward mode with one tangent over any `ADReal` base: `Dual<Double>` gives a directional derivative (jvp),
/// and `Dual<DualVector<P>>` or `Tracked<Dual<Double>>` nest for second derivatives.
@frozen
public struct Dual<T: ADReal>: ADReal {
    public var value: T
    public var tangent: T

    @inlinable public init(value: T, tangent: T) { self.value = value; self.tangent = tangent }
    @inlinable public init(_ constant: Double) { value = T(constant); tangent = T(0) }
    @inlinable public var primal: Double { value.primal }

    @inlinable public static func + (a: Self, b: Self) -> Self { Self(value: a.value + b.value, tangent: a.tangent + b.tangent) }
    @inlinable public static func - (a: Self, b: Self) -> Self { Self(value: a.value - b.value, tangent: a.tangent - b.tangent) }
    @inlinable public static func * (a: Self, b: Self) -> Self {
        Self(value: a.value * b.value, tangent: a.tangent * b.value + a.value * b.tangent)
    }
    @inlinable public static func / (a: Self, b: Self) -> Self {
        let v = a.value / b.value
        return Self(value: v, tangent: (a.tangent - v * b.tangent) / b.value)
    }
    @inlinable public static prefix func - (x: Self) -> Self { Self(value: -x.value, tangent: -x.tangent) }
    @inlinable public static func * (k: Double, x: Self) -> Self { Self(value: k * x.value, tangent: k * x.tangent) }
    @inlinable public static func + (x: Self, k: Double) -> Self { Self(value: x.value + k, tangent: x.tangent) }
    @inlinable public func addingProduct(_ k: Double, _ b: Self) -> Self {
        Self(value: value.addingProduct(k, b.value), tangent: tangent.addingProduct(k, b.tangent))
    }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        Self(value: value.scaledKeepingZeros(by: k), tangent: tangent.scaledKeepingZeros(by: k))
    }

    @inlinable public static func sin(_ x: Self) -> Self {
        let (s, c) = T.sincos(x.value)
        return Self(value: s, tangent: c * x.tangent)
    }
    @inlinable public static func cos(_ x: Self) -> Self {
        let (s, c) = T.sincos(x.value)
        return Self(value: c, tangent: -(s * x.tangent))
    }
    @inlinable public static func sincos(_ x: Self) -> (sin: Self, cos: Self) {
        let (s, c) = T.sincos(x.value)
        return (Self(value: s, tangent: c * x.tangent), Self(value: c, tangent: -(s * x.tangent)))
    }
    @inlinable public static func tan(_ x: Self) -> Self {
        let t = T.tan(x.value)
        return Self(value: t, tangent: (t * t + 1) * x.tangent)
    }
    @inlinable public static func sqrt(_ x: Self) -> Self {
        let r = T.sqrt(x.value)
        if r.primal == 0 { return Self(value: r, tangent: x.tangent.scaledKeepingZeros(by: .infinity)) }
        return Self(value: r, tangent: x.tangent / (2 * r))
    }
    @inlinable public static func exp(_ x: Self) -> Self {
        let e = T.exp(x.value)
        return Self(value: e, tangent: e * x.tangent)
    }
    @inlinable public static func log(_ x: Self) -> Self {
        if x.value.primal == 0 { return Self(value: T.log(x.value), tangent: x.tangent.scaledKeepingZeros(by: .infinity)) }
        return Self(value: T.log(x.value), tangent: x.tangent / x.value)
    }
    @inlinable public static func atan2(y: Self, x: Self) -> Self {
        let d = x.value * x.value + y.value * y.value
        let v = T.atan2(y: y.value, x: x.value)
        if d.primal == 0 { return Self(value: v, tangent: T(0)) }
        return Self(value: v, tangent: (x.value * y.tangent - y.value * x.tangent) / d)
    }
    @inlinable public static func pow(_ x: Self, _ p: Double) -> Self {
        if p == 0 { return Self(1) }
        let v = T.pow(x.value, p)
        if x.value.primal == 0 && p < 1 { return Self(value: v, tangent: x.tangent.scaledKeepingZeros(by: .infinity)) }
        return Self(value: v, tangent: p * T.pow(x.value, p - 1) * x.tangent)
    }
    @inlinable public static func pow(_ x: Self, _ y: Self) -> Self {
        // x^y = exp(y log x) for x > 0; at x ≤ 0 only the x-direction (with y held) is defined.
        if x.value.primal > 0 { return exp(y * log(x)) }
        return pow(x, y.value.primal)
    }
    @inlinable public static func abs(_ x: Self) -> Self {
        Self(value: T.abs(x.value), tangent: DerivativeRule.abs(x.value.primal) * x.tangent)
    }
}
