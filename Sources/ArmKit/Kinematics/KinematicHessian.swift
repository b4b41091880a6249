import AutoDiff

extension PlanarArm {
    /// The kinematic Hessian by nested forward mode (`Dual<DualVector>`): element [r][k][j] = ∂²p_r/∂q_k∂q_j,
    /// for the task rows p = (x, y[, φ]). One sweep per k; the inner partials carry every ∂/∂q_j at once.
    public func kinematicHessian(_ q: [Double], task: IKTask = .position) -> [Matrix] {
        precondition(q.count == jointCount)
        return withPartials(atLeast: jointCount, NestedArmHessian(arm: self, q: q, rows: task.dimension))
    }
}

struct NestedArmHessian: PartialsVisitor {
    let arm: PlanarArm
    let q: [Double]
    let rows: Int

    func visit<P: Partials>(_: P.Type) -> [Matrix] {
        typealias Inner = DualVector<P>
        let n = q.count
        var h = Array(repeating: Matrix(rows: n, columns: n), count: rows)
        var start = 0
        while start < n {
            let end = min(start + P.width, n)
            for k in 0..<n {
                let tip = arm.tipPose { i -> Dual<Inner> in
                    let value = i >= start && i < end ? Inner(variable: q[i], slot: i - start) : Inner(q[i])
                    return Dual(value: value, tangent: Inner(i == k ? 1 : 0))
                }
                let outputs = [tip.x, tip.y, tip.phi]
                for r in 0..<rows {
                    for j in start..<end { h[r][k, j] = outputs[r].tangent.partials[j - start] }
                }
            }
            start = end
        }
        return h
    }
}
