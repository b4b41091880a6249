import AutoDiff

extension PlanarArm {
    /// The Jacobian by forward-mode AD, seeded through the chain's structure. FK is a prefix sum θ = P q
    /// (θ_i = Σ_{k≤i} q_k) followed by a sum of link elements g_i(θ_i) = L_i·`direction(θ_i)`, each depending on
    /// one θ_i only (partial separability: Griewank & Walther, *Evaluating Derivatives*, ch. 11).
    /// - Forward mode computes J·S for any seed matrix S. With S = P⁻¹ every θ_i's tangent is the unit vector
    ///   e_i, so each link element's tangent lives in one lane: a `Dual<Double>` per link carries it, and one
    ///   pass yields all of J·P⁻¹ = [g_1′(θ_1) … g_n′(θ_n)] (`direction` on a `Dual` with tangent 1; no
    ///   hand-written derivative).
    /// - J = (J·P⁻¹)·P: multiplying back by P is a suffix sum, column j of J being Σ_{i≥j} g_i′(θ_i) (the rule
    ///   JAX uses for `cumsum`); the φ row is Σ_{i≥j} 1.
    /// One sincos per joint and a few flops: O(n), at the trigonometric floor, and allocation-free. Returns
    /// the tip pose (φ unwrapped) from the same pass. `jacobianForwardDense` is the unseeded whole-chain mode
    /// (n partials on every value: O(n²)).
    @inlinable @discardableResult
    public func jacobianForward(_ q: UnsafeBufferPointer<Double>, task: IKTask,
                                into jacobian: UnsafeMutableBufferPointer<Double>) -> (x: Double, y: Double, phi: Double) {
        precondition(q.count == jointCount && jacobian.count >= task.dimension * jointCount)
        return links.withUnsafeBufferPointer { lengths in
            Self.jacobianForward(lengths: lengths, base: base, q, task: task, into: jacobian)
        }
    }

    /// The same on raw link lengths, for callers (the solver) that keep their own copy so the hot loop never
    /// retains the arm's arrays.
    @inlinable @discardableResult
    public static func jacobianForward(lengths: UnsafeBufferPointer<Double>, base: Point2D, _ q: UnsafeBufferPointer<Double>,
                                       task: IKTask, into jacobian: UnsafeMutableBufferPointer<Double>)
    -> (x: Double, y: Double, phi: Double) {
        let n = lengths.count
        var theta = 0.0
        let (x, y) = elementDerivatives(lengths: lengths, base: base, into: jacobian) { i in
            theta += q[i]
            return Self.direction(absoluteAngle: Dual<Double>(value: theta, tangent: 1))
        }
        // Transpose of the prefix sum: suffix sums, in place.
        var sx = 0.0, sy = 0.0
        var i = n - 1
        while i >= 0 {
            sx += jacobian[i]; jacobian[i] = sx
            sy += jacobian[n + i]; jacobian[n + i] = sy
            i -= 1
        }
        if task == .pose {
            // φ = θ_{n−1}: its element derivative is 1, so the suffix sums are all 1.
            for j in 0..<n { jacobian[2 * n + j] = 1 }
        }
        return (x, y, theta)
    }

    /// The same from link directions a sweep already holds (fresh from sincos, or rotated after a small step:
    /// see `LinkDirections`), also accumulating J Jᵀ while the suffix sums produce J's columns, so a DLS
    /// iteration needs no second pass over J for its Gram matrix.
    @inlinable @discardableResult
    static func jacobianForward(lengths: UnsafeBufferPointer<Double>, base: Point2D, directions: LinkDirections,
                                task: IKTask, into jacobian: UnsafeMutableBufferPointer<Double>,
                                gram: inout SmallSymmetric) -> (x: Double, y: Double, phi: Double) {
        let n = lengths.count
        let (x, y) = elementDerivatives(lengths: lengths, base: base, into: jacobian) { directions.direction($0) }
        var sx = 0.0, sy = 0.0
        var s00 = 0.0, s01 = 0.0, s11 = 0.0, s02 = 0.0, s12 = 0.0
        var i = n - 1
        while i >= 0 {
            sx += jacobian[i]; jacobian[i] = sx
            sy += jacobian[n + i]; jacobian[n + i] = sy
            s00 += sx * sx; s01 += sx * sy; s11 += sy * sy
            s02 += sx; s12 += sy
            i -= 1
        }
        gram = SmallSymmetric(size: task.dimension)
        gram.a00 = s00; gram.a01 = s01; gram.a11 = s11
        if task == .pose {
            // The φ row is all ones: its products with the x and y rows are the rows' sums, with itself n.
            for j in 0..<n { jacobian[2 * n + j] = 1 }
            gram.a02 = s02; gram.a12 = s12; gram.a22 = Double(n)
        }
        return (x, y, directions.last)
    }

    /// The forward pass both variants share: the tip, and each element's derivative L_i·direction′(θ_i) parked in
    /// J's x and y rows, ready for the suffix sums. `direction(i)` gives link i's direction as duals in θ_i
    /// (tangent 1), called once per link in order.
    @inlinable @inline(__always)
    static func elementDerivatives(lengths: UnsafeBufferPointer<Double>, base: Point2D,
                                   into jacobian: UnsafeMutableBufferPointer<Double>,
                                   direction: (Int) -> (x: Dual<Double>, y: Dual<Double>)) -> (x: Double, y: Double) {
        let n = lengths.count
        var x = base.x, y = base.y
        for i in 0..<n {
            let d = direction(i)
            let length = lengths[i]
            x += length * d.x.value
            y += length * d.y.value
            jacobian[i] = length * d.x.tangent
            jacobian[n + i] = length * d.y.tangent
        }
        return (x, y)
    }
}
