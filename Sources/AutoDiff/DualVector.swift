/// Forward mode carrying a chunk of partials at once (as ForwardDiff.jl's chunked `Dual`):
/// seed input i with the unit vector eᵢ and one evaluation yields up to `P.width` Jacobian columns.
/// `P` is `SIMD2`/`SIMD4`/`SIMD8<Double>` or a `Partials16`/`Partials32` of `SIMD8`s, so the partials live in
/// registers, not on the heap.
@frozen
public struct DualVector<P: Partials>: ADReal {
    public var value: Double
    public var partials: P

    @inlinable public init(value: Double, partials: P) { self.value = value; self.partials = partials }
    @inlinable public init(_ constant: Double) { value = constant; partials = P() }
    /// An input variable: value x, partial 1 with respect to itself (slot `slot`), 0 for the others.
    @inlinable public init(variable x: Double, slot: Int) {
        value = x
        partials = P(unit: slot)
    }
    @inlinable public var primal: Double { value }

    @inlinable @inline(__always) public static func + (a: Self, b: Self) -> Self { Self(value: a.value + b.value, partials: a.partials + b.partials) }
    @inlinable @inline(__always) public static func - (a: Self, b: Self) -> Self { Self(value: a.value - b.value, partials: a.partials - b.partials) }
    @inlinable @inline(__always) public static func * (a: Self, b: Self) -> Self {
        Self(value: a.value * b.value, partials: b.value * a.partials + a.value * b.partials)
    }
    @inlinable @inline(__always) public static func / (a: Self, b: Self) -> Self {
        let v = a.value / b.value
        return Self(value: v, partials: (1 / b.value) * (a.partials - v * b.partials))
    }
    @inlinable @inline(__always) public static prefix func - (x: Self) -> Self { Self(value: -x.value, partials: -x.partials) }
    @inlinable @inline(__always) public static func * (k: Double, x: Self) -> Self { Self(value: k * x.value, partials: k * x.partials) }
    @inlinable @inline(__always) public static func + (x: Self, k: Double) -> Self { Self(value: x.value + k, partials: x.partials) }
    @inlinable @inline(__always) public func addingProduct(_ k: Double, _ b: Self) -> Self {
        Self(value: value + k * b.value, partials: partials.addingProduct(k, b.partials))
    }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        Self(value: value == 0 ? 0 : value * k, partials: partials.scaledKeepingZeros(by: k))
    }
    /// Applies the chain rule for a unary function with value `v` and derivative `d` at `value`.
    @inlinable @inline(__always) func chained(value v: Double, derivative d: Double) -> Self { Self(value: v, partials: d * partials) }

    @inlinable @inline(__always) public static func sin(_ x: Self) -> Self {
        let (s, c) = Double.sincos(x.value)
        return x.chained(value: s, derivative: c)
    }
    @inlinable @inline(__always) public static func cos(_ x: Self) -> Self {
        let (s, c) = Double.sincos(x.value)
        return x.chained(value: c, derivative: -s)
    }
    @inlinable @inline(__always) public static func sincos(_ x: Self) -> (sin: Self, cos: Self) {
        let (s, c) = Double.sincos(x.value)
        return (x.chained(value: s, derivative: c), x.chained(value: c, derivative: -s))
    }
    @inlinable @inline(__always) public static func tan(_ x: Self) -> Self {
        let t = Double.tan(x.value)
        return x.chained(value: t, derivative: 1 + t * t)
    }
    @inlinable @inline(__always) public static func sqrt(_ x: Self) -> Self {
        let r = x.value.squareRoot()
        if r == 0 { return Self(value: r, partials: x.partials).scaledPartialsKeepingZeros(by: .infinity) }
        return x.chained(value: r, derivative: 0.5 / r)
    }
    @inlinable @inline(__always) public static func exp(_ x: Self) -> Self {
        let e = Double.exp(x.value)
        return x.chained(value: e, derivative: e)
    }
    @inlinable @inline(__always) public static func log(_ x: Self) -> Self {
        if x.value == 0 { return Self(value: Double.log(0), partials: x.partials).scaledPartialsKeepingZeros(by: .infinity) }
        return x.chained(value: Double.log(x.value), derivative: 1 / x.value)
    }
    @inlinable @inline(__always) public static func atan2(y: Self, x: Self) -> Self {
        let d = x.value * x.value + y.value * y.value
        let v = Double.atan2(y: y.value, x: x.value)
        if d == 0 { return Self(value: v, partials: P()) }
        return Self(value: v, partials: (x.value / d) * y.partials - (y.value / d) * x.partials)
    }
    @inlinable @inline(__always) public static func pow(_ x: Self, _ p: Double) -> Self {
        if p == 0 { return Self(1) }
        let v = Double.pow(x.value, p)
        if x.value == 0 && p < 1 { return Self(value: v, partials: x.partials).scaledPartialsKeepingZeros(by: .infinity) }
        return x.chained(value: v, derivative: p * Double.pow(x.value, p - 1))
    }
    @inlinable @inline(__always) public static func pow(_ x: Self, _ y: Self) -> Self {
        if x.value > 0 { return exp(y * log(x)) }
        return pow(x, y.value)
    }
    @inlinable @inline(__always) public static func abs(_ x: Self) -> Self {
        x.chained(value: Swift.abs(x.value), derivative: DerivativeRule.abs(x.value))
    }

    @inlinable func scaledPartialsKeepingZeros(by k: Double) -> Self {
        Self(value: value, partials: partials.scaledKeepingZeros(by: k))
    }
}
