/// Code that wants a forward-mode `DualVector` wide enough for `n` partials, chosen at run time:
/// `withPartials(atLeast:)` calls `visit` with the narrowest chunk that fits (up to 32; beyond, sweeps of 32).
public protocol PartialsVisitor {
    associatedtype Result
    func visit<P: Partials>(_ partials: P.Type) -> Result
}

/// The widest chunk of partials one forward sweep carries.
public let maxPartialsPerSweep = 32

@inlinable
public func withPartials<V: PartialsVisitor>(atLeast n: Int, _ visitor: V) -> V.Result {
    switch n {
    case ...2: return visitor.visit(SIMD2<Double>.self)
    case ...4: return visitor.visit(SIMD4<Double>.self)
    case ...8: return visitor.visit(SIMD8<Double>.self)
    case ...16: return visitor.visit(Partials16.self)
    default: return visitor.visit(Partials32.self)
    }
}
