import AutoDiff

/// ∇²L by forward-over-reverse AD (one HVP per basis direction, as the `hessian` verb), written here with the
/// concrete scalar `Tracked<Dual<Double>>` so the compiler specialises the objective and the tape. The verb is
/// generic across the module boundary and ran unspecialised: 54% of `inspect --stdin --target`'s time went to
/// generic-metadata lookups (perf, 7 links).
enum LossHessian {
    static func forwardOverReverse(_ objective: ErrorObjective, at q: [Double]) -> Matrix {
        let n = q.count
        let tape = Tape<Dual<Double>>(capacity: 16 * n + 16)
        var h = Matrix(rows: n, columns: n)
        var inputs: [Tracked<Dual<Double>>] = []
        var adjoints: [Dual<Double>] = []
        inputs.reserveCapacity(n)
        for k in 0..<n {
            tape.reset()
            inputs.removeAll(keepingCapacity: true)
            for i in 0..<n { inputs.append(tape.variable(Dual(value: q[i], tangent: i == k ? 1 : 0))) }
            let output: Tracked<Dual<Double>> = objective(inputs)
            pullback(tape, from: output, into: &adjoints)
            for i in 0..<n { h[i, k] = adjoints[Int(inputs[i].index)].tangent }
        }
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) { let m = 0.5 * (h[i, j] + h[j, i]); h[i, j] = m; h[j, i] = m }
        }
        return h
    }

    /// H·v by one forward-over-reverse sweep, specialised as above.
    static func hvp(_ objective: ErrorObjective, at q: [Double], along v: [Double]) -> [Double] {
        let tape = Tape<Dual<Double>>(capacity: 16 * q.count + 16)
        let inputs = zip(q, v).map { tape.variable(Dual(value: $0, tangent: $1)) }
        let output: Tracked<Dual<Double>> = objective(inputs)
        var adjoints: [Dual<Double>] = []
        pullback(tape, from: output, into: &adjoints)
        return inputs.map { adjoints[Int($0.index)].tangent }
    }

    /// `Tape.pullback` for this one scalar type, so it is specialised too (the tape's own is generic and not
    /// inlinable: it ran through witness tables). The same sweep: parents' adjoints += edge weight × adjoint.
    static func pullback(_ tape: Tape<Dual<Double>>, from output: Tracked<Dual<Double>>, into adjoints: inout [Dual<Double>]) {
        let block = tape.handle.storage
        let count = block.pointee.count
        adjoints.removeAll(keepingCapacity: true)
        adjoints.append(contentsOf: repeatElement(Dual(0), count: count))
        guard output.index > 0 else { return }
        adjoints[Int(output.index)] = output.scale
        let nodes = TapeStorage.nodes(of: block)
        var i = Int(output.index)
        let floor = block.pointee.leaves
        while i > floor {
            let a = adjoints[i]
            let node = nodes[i]
            adjoints[Int(node.parent0)] = adjoints[Int(node.parent0)] + a
            adjoints[Int(node.parent1)] = adjoints[Int(node.parent1)] + node.weight * a
            i -= 1
        }
    }
}

extension LeastSquaresLoss {
    /// H·v of L by forward-over-reverse AD, without forming H.
    public func hvp(at q: [Double], along v: [Double]) -> [Double] { LossHessian.hvp(objective, at: q, along: v) }
}
