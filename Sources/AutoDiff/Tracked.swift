/// Reverse mode: a value that records operations on its `Tape`. Constants (no tape) cost nothing.
///
/// It holds a raw pointer to its tape's block (`TapeStorage`): copying a `Tracked` costs no reference counting
/// and appending needs no exclusivity check, which keeps recording at a few nanoseconds per operation. It is
/// valid while the tape is alive and not reset.
///
/// Unary operations record nothing. A value is `scale` times a recorded node (`index`), so sin, cos, k·x, −x
/// and their compositions only fold their local derivative into `scale`; the binary operation that consumes
/// them puts the product of the chain on its edge (statement-level preaccumulation, as tape-based tools
/// such as ADOL-C and CppAD do for expressions). By the chain rule this is exact however often the value is
/// reused. For a planar chain it halves the tape: per joint the θ sum and the x and y accumulations.
@frozen
public struct Tracked<T: ADReal>: ADReal, @unchecked Sendable {
    public var value: T
    /// ∂value/∂(node `index`); 1 for a recorded node.
    public var scale: T
    @usableFromInline var storage: UnsafeMutablePointer<TapeStorage<T>>?
    /// Slot on the tape; 0 for a constant.
    public var index: Int32

    @inlinable @inline(__always) init(value: T, index: Int32, scale: T, storage: UnsafeMutablePointer<TapeStorage<T>>?) {
        self.value = value; self.index = index; self.scale = scale; self.storage = storage
    }
    @inlinable @inline(__always) init(value: T, index: Int32, storage: UnsafeMutablePointer<TapeStorage<T>>?) {
        self.init(value: value, index: index, scale: T(1), storage: storage)
    }
    @inlinable public init(_ constant: Double) { value = T(constant); index = 0; scale = T(1); storage = nil }
    @inlinable public var primal: Double { value.primal }

    /// A node with local partials w0 = ∂result/∂a and w1 = ∂result/∂b; each edge carries its operand's scale.
    /// A unit edge (or a constant operand) makes it one node; otherwise a scaling node comes first (see `TapeNode`).
    @inlinable @inline(__always) static func binary(_ v: T, _ a: Self, _ w0: T, _ b: Self, _ w1: T) -> Self {
        // The second operand's tape first: in FK that is the new angle or the direction, whose pointer is the
        // input's on every joint, while a sum (x, y) starts as a constant with none. So every record in the loop
        // goes through one pointer the optimiser can follow, and the tape's count stays in a register; taking
        // the first operand's made x and y each select a pointer and reload the count and capacity.
        guard let storage = b.storage ?? a.storage else { return Self(value: v, index: 0, storage: nil) }
        let wa = w0 * a.scale, wb = w1 * b.scale
        let node: TapeNode<T>
        // The unit-edge checks come first: where the scales are known to be 1 (as in FK) they fold away at compile
        // time. A constant operand's slot is the sink (0), so a unit edge to it needs no case of its own.
        if isOne(wa) {
            node = TapeNode(parent0: a.index, parent1: b.index, weight: wb)
        } else if isOne(wb) {
            node = TapeNode(parent0: b.index, parent1: a.index, weight: wa)
        } else if a.index == 0 {
            node = TapeNode(parent0: 0, parent1: b.index, weight: wb)
        } else if b.index == 0 {
            node = TapeNode(parent0: 0, parent1: a.index, weight: wa)
        } else {
            let scaled = TapeStorage.record(TapeNode(parent0: 0, parent1: a.index, weight: wa), in: storage)
            node = TapeNode(parent0: scaled, parent1: b.index, weight: wb)
        }
        return Self(value: v, index: TapeStorage.record(node, in: storage), storage: storage)
    }
    /// Whether an edge weight is exactly 1, so the edge needs no multiply. Only decided for `Double`; a nested
    /// weight (a `Dual`) may carry a tangent, so it always takes the general two-node form.
    @inlinable @inline(__always) static func isOne(_ w: T) -> Bool {
        T.self == Double.self && unsafeBitCast(w, to: Double.self) == 1
    }
    /// A unary result: the same node, its scale multiplied by the local derivative w. A product too large for a
    /// Double becomes the largest finite one, so a zero adjoint still gives zero (never 0·∞ = NaN).
    @inlinable @inline(__always) func unary(_ v: T, _ w: T) -> Self {
        guard storage != nil else { return Self(value: v, index: 0, storage: nil) }
        var s = w * scale
        if s.primal.isInfinite { s = T(s.primal > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude) }
        return Self(value: v, index: index, scale: s, storage: storage)
    }
    /// A unary result whose local derivative satisfies |w| ≤ 1 (sin, cos, −x): |w·scale| ≤ |scale| stays finite,
    /// so no overflow check is needed.
    @inlinable @inline(__always) func unaryContracting(_ v: T, _ w: T) -> Self {
        guard storage != nil else { return Self(value: v, index: 0, storage: nil) }
        return Self(value: v, index: index, scale: w * scale, storage: storage)
    }

    @inlinable @inline(__always) public static func + (a: Self, b: Self) -> Self { binary(a.value + b.value, a, T(1), b, T(1)) }
    @inlinable @inline(__always) public static func - (a: Self, b: Self) -> Self { binary(a.value - b.value, a, T(1), b, T(-1)) }
    @inlinable @inline(__always) public static func * (a: Self, b: Self) -> Self { binary(a.value * b.value, a, b.value, b, a.value) }
    @inlinable @inline(__always) public static func / (a: Self, b: Self) -> Self {
        let v = a.value / b.value
        let inv = T(1) / b.value
        return binary(v, a, inv, b, -(v * inv))
    }
    @inlinable @inline(__always) public static prefix func - (x: Self) -> Self { x.unaryContracting(-x.value, T(-1)) }
    @inlinable @inline(__always) public static func * (k: Double, x: Self) -> Self { x.unary(k * x.value, T(k)) }
    @inlinable @inline(__always) public static func + (x: Self, k: Double) -> Self { x.unary(x.value + k, T(1)) }
    @inlinable @inline(__always) public func addingProduct(_ k: Double, _ b: Self) -> Self {
        Self.binary(value.addingProduct(k, b.value), self, T(1), b, T(k))
    }
    /// On a tape, scaling is a node whose weight is k; zero adjoints stay zero in the sweep only if k is finite,
    /// so an infinite k is recorded as the largest finite weight.
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        let w = k.isFinite ? k : (k > 0 ? Double.greatestFiniteMagnitude : -Double.greatestFiniteMagnitude)
        return unary(value.scaledKeepingZeros(by: k), T(w))
    }

    @inlinable @inline(__always) public static func sin(_ x: Self) -> Self {
        let (s, c) = T.sincos(x.value)
        return x.unaryContracting(s, c)
    }
    @inlinable @inline(__always) public static func cos(_ x: Self) -> Self {
        let (s, c) = T.sincos(x.value)
        return x.unaryContracting(c, -s)
    }
    @inlinable @inline(__always) public static func sincos(_ x: Self) -> (sin: Self, cos: Self) {
        let (s, c) = T.sincos(x.value)
        return (x.unaryContracting(s, c), x.unaryContracting(c, -s))
    }
    @inlinable @inline(__always) public static func tan(_ x: Self) -> Self {
        let t = T.tan(x.value)
        return x.unary(t, t * t + 1)
    }
    @inlinable @inline(__always) public static func sqrt(_ x: Self) -> Self {
        let r = T.sqrt(x.value)
        return x.unary(r, r.primal == 0 ? T(Double.greatestFiniteMagnitude) : T(1) / (2 * r))
    }
    @inlinable @inline(__always) public static func exp(_ x: Self) -> Self {
        let e = T.exp(x.value)
        return x.unary(e, e)
    }
    @inlinable @inline(__always) public static func log(_ x: Self) -> Self {
        x.unary(T.log(x.value), x.value.primal == 0 ? T(Double.greatestFiniteMagnitude) : T(1) / x.value)
    }
    @inlinable @inline(__always) public static func atan2(y: Self, x: Self) -> Self {
        let d = x.value * x.value + y.value * y.value
        let v = T.atan2(y: y.value, x: x.value)
        if d.primal == 0 { return binary(v, y, T(0), x, T(0)) }
        return binary(v, y, x.value / d, x, -(y.value / d))
    }
    @inlinable @inline(__always) public static func pow(_ x: Self, _ p: Double) -> Self {
        if p == 0 { return Self(1) }
        let v = T.pow(x.value, p)
        if x.value.primal == 0 && p < 1 { return x.unary(v, T(Double.greatestFiniteMagnitude)) }
        return x.unary(v, p * T.pow(x.value, p - 1))
    }
    @inlinable @inline(__always) public static func pow(_ x: Self, _ y: Self) -> Self {
        if x.value.primal > 0 { return exp(y * log(x)) }
        return pow(x, y.value.primal)
    }
    @inlinable @inline(__always) public static func abs(_ x: Self) -> Self {
        x.unary(T.abs(x.value), T(DerivativeRule.abs(x.value.primal)))
    }
}
