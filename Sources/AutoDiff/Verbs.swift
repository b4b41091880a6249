/// The public verbs, in the JAX spirit. Each takes a function generic over the scalar and a point.

public enum DifferentiationMode: String, Sendable, CaseIterable {
    /// Chunked dual numbers: cost ∝ inputs/chunk × cost(f). Best for few inputs.
    case forward
    /// A tape and reverse sweeps: cost ∝ outputs × cost(f). Best for few outputs (a 2- or 3-row Jacobian).
    case reverse
}

/// Jacobian-vector product: f(x) and J(x)·v in one forward sweep.
public func jvp<F: DifferentiableMap>(_ f: F, at x: [Double], along v: [Double]) -> (value: [Double], tangent: [Double]) {
    precondition(x.count == v.count, "jvp: x and v must have the same length")
    let y = f(zip(x, v).map { Dual<Double>(value: $0, tangent: $1) })
    return (y.map(\.value), y.map(\.tangent))
}

/// Vector-Jacobian product: f(x) and uᵀ·J(x) in one reverse sweep.
public func vjp<F: DifferentiableMap>(_ f: F, at x: [Double], cotangent u: [Double]) -> (value: [Double], pullback: [Double]) {
    let tape = Tape<Double>(capacity: 64)
    let inputs = x.map { tape.variable($0) }
    let y = f(inputs)
    precondition(y.count == u.count, "vjp: the cotangent must have one entry per output")
    var s = Tracked<Double>(0)
    for (yi, ui) in zip(y, u) { s = s.addingProduct(ui, yi) }
    tape.pullback(from: s)
    return (y.map(\.value), inputs.map { tape.adjoint(of: $0) })
}

/// The full Jacobian ∂f/∂x (rows: outputs, columns: inputs).
public func jacobian<F: DifferentiableMap>(_ f: F, at x: [Double], mode: DifferentiationMode = .forward) -> Matrix {
    switch mode {
    case .forward: return withPartials(atLeast: x.count, ForwardJacobian(f: f, x: x))
    case .reverse: return reverseJacobian(f, at: x)
    }
}

/// Forward mode in chunks of the visited width: each sweep seeds `width` inputs.
struct ForwardJacobian<F: DifferentiableMap>: PartialsVisitor {
    let f: F
    let x: [Double]
    func visit<P: Partials>(_: P.Type) -> Matrix {
        let width = P.width
        var result: Matrix?
        var start = 0
        repeat {
            let end = min(start + width, x.count)
            let duals = x.indices.map { i in
                (start..<end).contains(i) ? DualVector<P>(variable: x[i], slot: i - start) : DualVector<P>(x[i])
            }
            let y = f(duals)
            if result == nil { result = Matrix(rows: y.count, columns: x.count) }
            for r in y.indices { for c in start..<end { result![r, c] = y[r].partials[c - start] } }
            start = end
        } while start < x.count
        return result ?? Matrix(rows: 0, columns: 0)
    }
}

func reverseJacobian<F: DifferentiableMap>(_ f: F, at x: [Double]) -> Matrix {
    let tape = Tape<Double>(capacity: 64)
    let inputs = x.map { tape.variable($0) }
    let y = f(inputs)
    var result = Matrix(rows: y.count, columns: x.count)
    for r in y.indices {
        tape.pullback(from: y[r])
        for c in inputs.indices { result[r, c] = tape.adjoint(of: inputs[c]) }
    }
    return result
}

/// ∇f(x) by one reverse sweep.
public func gradient<F: DifferentiableScalarFunction>(_ f: F, at x: [Double]) -> [Double] {
    let tape = Tape<Double>(capacity: 64)
    let inputs = x.map { tape.variable($0) }
    tape.pullback(from: f(inputs))
    return inputs.map { tape.adjoint(of: $0) }
}

/// Hessian-vector product H(x)·v without forming H: forward over reverse. The inputs carry the direction v
/// as a tangent, and one reverse sweep of the tape yields ∇f (values) and H·v (tangents).
public func hvp<F: DifferentiableScalarFunction>(_ f: F, at x: [Double], along v: [Double]) -> [Double] {
    precondition(x.count == v.count, "hvp: x and v must have the same length")
    let tape = Tape<Dual<Double>>(capacity: 64)
    let inputs = zip(x, v).map { tape.variable(Dual(value: $0, tangent: $1)) }
    tape.pullback(from: f(inputs))
    return inputs.map { tape.adjoint(of: $0).tangent }
}

/// The Hessian ∇²f(x): one `hvp` per basis direction, symmetrised to remove rounding asymmetry.
public func hessian<F: DifferentiableScalarFunction>(_ f: F, at x: [Double]) -> Matrix {
    let n = x.count
    var h = Matrix(rows: n, columns: n)
    for k in 0..<n {
        var e = Array(repeating: 0.0, count: n)
        e[k] = 1
        let column = hvp(f, at: x, along: e)
        for i in 0..<n { h[i, k] = column[i] }
    }
    for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { let m = 0.5 * (h[i, j] + h[j, i]); h[i, j] = m; h[j, i] = m } }
    return h
}
