/// Code that wants a forward-mode `DualVector` wide enough for `n` partials, chosen at run time:
/// `withPartials(atLeast:)` calls `visit` with the narrowest SIMD type that fits (up to 64; beyond, 64 per chunk).
public protocol PartialsVisitor {
    associatedtype Result
    func visit<P: SIMD & Sendable>(_ partials: P.Type) -> Result where P.Scalar == Double
}

/// The widest chunk of partials one forward sweep carries.
public let maxPartialsPerSweep = 64

@inlinable
public func withPartials<V: PartialsVisitor>(atLeast n: Int, _ visitor: V) -> V.Result {
    switch n {
    case ...2: return visitor.visit(SIMD2<Double>.self)
    case ...4: return visitor.visit(SIMD4<Double>.self)
    case ...8: return visitor.visit(SIMD8<Double>.self)
    case ...16: return visitor.visit(SIMD16<Double>.self)
    case ...32: return visitor.visit(SIMD32<Double>.self)
    default: return visitor.visit(SIMD64<Double>.self)
    }
}
