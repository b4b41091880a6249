/// Storage for a chunk of forward-mode partials: the operations a `DualVector` needs, nothing more.
///
/// `SIMD2`/`SIMD4`/`SIMD8<Double>` conform directly. Wider chunks are built from `SIMD8` fields
/// (`Partials16`, `Partials32`) rather than the standard library's `SIMD16`…`SIMD64`, whose wide generic code was
/// far slower per operation (docs/performance.md), while a struct of `SIMD8`s vectorises like `SIMD8` itself.
public protocol Partials: Sendable {
    static var width: Int { get }
    /// All zeros.
    init()
    /// 1 at `slot`, 0 elsewhere.
    init(unit slot: Int)
    subscript(slot: Int) -> Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    static func * (k: Double, a: Self) -> Self
    /// self + k·b
    func addingProduct(_ k: Double, _ b: Self) -> Self
    /// Each element times k, except that zero elements stay zero (k may be infinite).
    func scaledKeepingZeros(by k: Double) -> Self
}

extension SIMD2: Partials where Scalar == Double {}
extension SIMD4: Partials where Scalar == Double {}
extension SIMD8: Partials where Scalar == Double {}

extension SIMD where Scalar == Double {
    @inlinable @inline(__always) public static var width: Int { scalarCount }
    @inlinable @inline(__always) public init(unit slot: Int) {
        self.init()
        self[slot] = 1
    }
    @inlinable @inline(__always) public func addingProduct(_ k: Double, _ b: Self) -> Self { self + k * b }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        (self * k).replacing(with: Self(), where: self .== Self())
    }
}

/// 16 partials as two `SIMD8`s.
@frozen
public struct Partials16: Partials {
    public var lo: SIMD8<Double>
    public var hi: SIMD8<Double>
    @inlinable @inline(__always) public init() { lo = .init(); hi = .init() }
    @inlinable @inline(__always) init(lo: SIMD8<Double>, hi: SIMD8<Double>) { self.lo = lo; self.hi = hi }
    @inlinable @inline(__always) public init(unit slot: Int) {
        self.init()
        if slot < 8 { lo[slot] = 1 } else { hi[slot - 8] = 1 }
    }
    @inlinable public static var width: Int { 16 }
    @inlinable @inline(__always) public subscript(slot: Int) -> Double { slot < 8 ? lo[slot] : hi[slot - 8] }
    @inlinable @inline(__always) public static func + (a: Self, b: Self) -> Self { Self(lo: a.lo + b.lo, hi: a.hi + b.hi) }
    @inlinable @inline(__always) public static func - (a: Self, b: Self) -> Self { Self(lo: a.lo - b.lo, hi: a.hi - b.hi) }
    @inlinable @inline(__always) public static prefix func - (a: Self) -> Self { Self(lo: -a.lo, hi: -a.hi) }
    @inlinable @inline(__always) public static func * (k: Double, a: Self) -> Self { Self(lo: k * a.lo, hi: k * a.hi) }
    @inlinable @inline(__always) public func addingProduct(_ k: Double, _ b: Self) -> Self {
        Self(lo: lo + k * b.lo, hi: hi + k * b.hi)
    }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        Self(lo: lo.scaledKeepingZeros(by: k), hi: hi.scaledKeepingZeros(by: k))
    }
}

/// 32 partials as four `SIMD8`s.
@frozen
public struct Partials32: Partials {
    public var a: SIMD8<Double>, b: SIMD8<Double>, c: SIMD8<Double>, d: SIMD8<Double>
    @inlinable @inline(__always) public init() { a = .init(); b = .init(); c = .init(); d = .init() }
    @inlinable @inline(__always) init(_ a: SIMD8<Double>, _ b: SIMD8<Double>, _ c: SIMD8<Double>, _ d: SIMD8<Double>) {
        self.a = a; self.b = b; self.c = c; self.d = d
    }
    @inlinable @inline(__always) public init(unit slot: Int) {
        self.init()
        switch slot >> 3 {
        case 0: a[slot & 7] = 1
        case 1: b[slot & 7] = 1
        case 2: c[slot & 7] = 1
        default: d[slot & 7] = 1
        }
    }
    @inlinable public static var width: Int { 32 }
    @inlinable @inline(__always) public subscript(slot: Int) -> Double {
        switch slot >> 3 {
        case 0: a[slot & 7]
        case 1: b[slot & 7]
        case 2: c[slot & 7]
        default: d[slot & 7]
        }
    }
    @inlinable @inline(__always) public static func + (x: Self, y: Self) -> Self { Self(x.a + y.a, x.b + y.b, x.c + y.c, x.d + y.d) }
    @inlinable @inline(__always) public static func - (x: Self, y: Self) -> Self { Self(x.a - y.a, x.b - y.b, x.c - y.c, x.d - y.d) }
    @inlinable @inline(__always) public static prefix func - (x: Self) -> Self { Self(-x.a, -x.b, -x.c, -x.d) }
    @inlinable @inline(__always) public static func * (k: Double, x: Self) -> Self { Self(k * x.a, k * x.b, k * x.c, k * x.d) }
    @inlinable @inline(__always) public func addingProduct(_ k: Double, _ y: Self) -> Self {
        Self(a + k * y.a, b + k * y.b, c + k * y.c, d + k * y.d)
    }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Self {
        Self(a.scaledKeepingZeros(by: k), b.scaledKeepingZeros(by: k), c.scaledKeepingZeros(by: k), d.scaledKeepingZeros(by: k))
    }
}
