/// Singular values of a 2×n or 3×n Jacobian, accurate near rank loss.
///
/// Forming J Jᵀ and taking its eigenvalues loses half the digits of σ_min (rounding of order ε·σ_max² in
/// J Jᵀ becomes √ε·σ_max in σ_min: about 1e-8 at an exact singularity). Instead, rotate the rows of J
/// (one-sided Jacobi, Hestenes) until they are orthogonal: then σᵢ = ‖rowᵢ‖, correct to about ε·σ_max in
/// absolute terms (below 1e-12 at an exact singularity). Cost O(n) per sweep; a 2-row J needs one rotation.
public struct SingularValues: Sendable, Equatable {
    /// Descending; `count` is the task dimension (2 or 3). Rank loss shows as trailing values near 0.
    public var max: Double
    public var middle: Double
    public var min: Double
    public var count: Int

    public var descending: [Double] { count == 2 ? [max, min] : [max, middle, min] }

    /// √det(J Jᵀ) = Π σᵢ.
    public var manipulability: Double { count == 2 ? max * min : max * middle * min }

    /// σ_max / σ_min; +∞ when σ_min = 0 (and 0 for a zero Jacobian, which cannot happen for an arm).
    public var conditionNumber: Double {
        if max == 0 { return 0 }
        return min == 0 ? .infinity : max / min
    }

    /// `jacobian` is row-major rows × n; `scratch` must hold rows × n values (it is overwritten).
    public init(jacobian: UnsafeBufferPointer<Double>, rows: Int, columns n: Int, scratch: UnsafeMutableBufferPointer<Double>) {
        precondition(rows == 2 || rows == 3)
        precondition(jacobian.count >= rows * n && scratch.count >= rows * n)
        if rows == 2 {
            self = Self.twoRows(jacobian, n)
            return
        }
        for i in 0..<(rows * n) { scratch[i] = jacobian[i] }
        // Each rotation zeroes one inner product; 3 rows converge quadratically, so a few sweeps suffice.
        // (Plain loops and locals, no arrays: this runs once per simulated frame and must not allocate.)
        for _ in 0..<12 {
            let r01 = Self.rotate(scratch, 0, n, n)
            let r02 = Self.rotate(scratch, 0, 2 * n, n)
            let r12 = Self.rotate(scratch, n, 2 * n, n)
            if !(r01 || r02 || r12) { break }
        }
        var a = Self.norm(scratch, 0, n), b = Self.norm(scratch, n, n)
        var c = Self.norm(scratch, 2 * n, n)
        if a < b { swap(&a, &b) }
        if b < c { swap(&b, &c) }
        if a < b { swap(&a, &b) }
        self.max = a
        self.middle = b
        self.min = c
        self.count = rows
    }

    /// Two rows u, v need one rotation, and the rotated rows are only needed for their norms: one pass forms
    /// the Gram entries, a second rotates each column on the fly and sums the squares. The rotation is kept
    /// unnormalised, (u − t·v, t·u + v), and the norms are divided by 1 + t² at the end, so the chain of square
    /// roots and divisions that sets this step's latency is two of each rather than five.
    private static func twoRows(_ m: UnsafeBufferPointer<Double>, _ n: Int) -> SingularValues {
        // Summed from the last column down, the order the solver's sweep forms J Jᵀ in, so both routes give
        // the same σ to the bit.
        var alpha = 0.0, beta = 0.0, gamma = 0.0
        for j in (0..<n).reversed() {
            let u = m[j], v = m[n + j]
            alpha += u * u; beta += v * v; gamma += u * v
        }
        return twoRows(m, n, alpha: alpha, beta: beta, gamma: gamma)
    }

    /// The same for a caller that already has the Gram entries α = ‖u‖², β = ‖v‖², γ = u·v (the solver's
    /// sweep forms them with J): only the rotation pass is left.
    static func twoRows(_ m: UnsafeBufferPointer<Double>, _ n: Int, alpha: Double, beta: Double, gamma: Double) -> SingularValues {
        var p = alpha, q = beta
        if gamma != 0 && gamma * gamma > 1e-34 * alpha * beta {
            // t = tan θ of the Jacobi rotation, written without dividing by γ:
            // t = sgn(ζ)/(|ζ| + √(1 + ζ²)) with ζ = (β − α)/2γ, times |2γ| over and under.
            let d = beta - alpha
            let t = (d >= 0 ? 2 * gamma : -2 * gamma) / (Swift.abs(d) + (d * d + 4 * gamma * gamma).squareRoot())
            p = 0; q = 0
            for j in 0..<n {
                let u = m[j], v = m[n + j]
                let ru = u - t * v, rv = t * u + v
                p += ru * ru; q += rv * rv
            }
            let scale = 1 / (1 + t * t)
            p *= scale; q *= scale
        }
        let a = p.squareRoot(), b = q.squareRoot()
        return SingularValues(max: Swift.max(a, b), middle: Swift.min(a, b), min: Swift.min(a, b), count: 2)
    }

    private init(max: Double, middle: Double, min: Double, count: Int) {
        self.max = max; self.middle = middle; self.min = min; self.count = count
    }

    /// Rotates rows starting at a and b so they become orthogonal. Returns false if they already were.
    private static func rotate(_ m: UnsafeMutableBufferPointer<Double>, _ a: Int, _ b: Int, _ n: Int) -> Bool {
        var alpha = 0.0, beta = 0.0, gamma = 0.0
        for j in 0..<n {
            let u = m[a + j], v = m[b + j]
            alpha += u * u; beta += v * v; gamma += u * v
        }
        guard gamma != 0, Swift.abs(gamma) > 1e-17 * (alpha * beta).squareRoot() else { return false }
        let zeta = (beta - alpha) / (2 * gamma)
        let t = (zeta >= 0 ? 1.0 : -1.0) / (Swift.abs(zeta) + (1 + zeta * zeta).squareRoot())
        let c = 1 / (1 + t * t).squareRoot()
        let s = c * t
        for j in 0..<n {
            let u = m[a + j], v = m[b + j]
            m[a + j] = c * u - s * v
            m[b + j] = s * u + c * v
        }
        return true
    }

    /// Euclidean norm. No scaling pass: `PlanarArm` caps link lengths at 1e6 m and links at 1024, so every entry
    /// of J is below 1e10 and its square cannot overflow.
    private static func norm(_ m: UnsafeMutableBufferPointer<Double>, _ start: Int, _ n: Int) -> Double {
        var sum = 0.0
        for j in 0..<n { let v = m[start + j]; sum += v * v }
        return sum.squareRoot()
    }
}
