import AutoDiff

/// The Hessian of L(q) = ½‖e(q)‖², e = target − f(q), in O(n²): H = JᵀJ − Σ_r e_r ∇²f_r. The chain's structure
/// gives every second derivative of the tip from suffix sums: f is a prefix sum θ = P q followed by link elements
/// g_i(θ_i) = L_i·direction(θ_i), so ∇²f = Pᵀ diag(g_i″) P, whose entry (j, k) is Σ_{i ≥ max(j,k)} g_i″(θ_i). Each
/// g_i″ comes from nested forward mode (`Dual<Dual<Double>>`) on `PlanarArm.direction`; φ is linear in q, so
/// the pose task adds only its row of JᵀJ.
enum ChainLossHessian {
    /// H (row-major n × n) at the θ = prefix sums of q, from J (rows × n) and e. `curvature` (n) is scratch:
    /// it ends holding c_m = −Σ_r e_r Σ_{i≥m} g_i,r″, the second-order part's value for max(j, k) = m.
    static func compute(into h: UnsafeMutableBufferPointer<Double>, q: UnsafeMutableBufferPointer<Double>,
                        lengths: [Double], jacobian j: UnsafeMutableBufferPointer<Double>, rows: Int,
                        residual e: SIMD3<Double>, curvature c: UnsafeMutableBufferPointer<Double>) {
        var theta = 0.0
        compute(into: h, count: q.count, lengths: lengths, jacobian: j, rows: rows, residual: e, curvature: c) { i in
            theta += q[i]
            let seed = Dual<Dual<Double>>(value: Dual(value: theta, tangent: 1), tangent: Dual(value: 1, tangent: 0))
            return PlanarArm.direction(absoluteAngle: seed)
        }
    }

    /// The same with each link's direction as nested duals in θ_i supplied by `direction(i)` (called once per link
    /// in order): by sincos above, or from directions a sweep already holds (`LinkDirections.secondOrder`).
    @inline(__always)
    static func compute(into h: UnsafeMutableBufferPointer<Double>, count n: Int, lengths: [Double],
                        jacobian j: UnsafeMutableBufferPointer<Double>, rows: Int, residual e: SIMD3<Double>,
                        curvature c: UnsafeMutableBufferPointer<Double>,
                        direction: (Int) -> (x: Dual<Dual<Double>>, y: Dual<Dual<Double>>)) {
        for i in 0..<n {
            let d = direction(i)
            c[i] = lengths[i] * (e[0] * d.x.tangent.tangent + e[1] * d.y.tangent.tangent)
        }
        var suffix = 0.0
        var i = n - 1
        while i >= 0 { suffix += c[i]; c[i] = -suffix; i -= 1 }
        for a in 0..<n {
            for b in a..<n {
                var s = c[b]   // max(a, b) = b
                for r in 0..<rows { s += j[r * n + a] * j[r * n + b] }
                h[a * n + b] = s
                h[b * n + a] = s
            }
        }
    }
}

extension PlanarArm {
    /// The Hessian of L = ½‖target − f(q)‖² into `h` (row-major n × n), with J (rows × n) and `scratch` (n) as
    /// work space: J by `jacobianForward`, then `ChainLossHessian`. Returns L.
    @discardableResult
    public func lossHessian(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D, task: IKTask,
                            into h: UnsafeMutableBufferPointer<Double>, jacobian: UnsafeMutableBufferPointer<Double>,
                            scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let tip = jacobianForward(UnsafeBufferPointer(q), task: task, into: jacobian)
        let e = SIMD3(target.x - tip.x, target.y - tip.y, task == .pose ? Angle.difference(target.phi, tip.phi) : 0)
        ChainLossHessian.compute(into: h, q: q, lengths: links, jacobian: jacobian, rows: task.dimension,
                            residual: e, curvature: scratch)
        return 0.5 * (e * e).sum()
    }
}
