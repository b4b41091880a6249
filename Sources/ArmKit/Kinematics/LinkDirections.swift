import AutoDiff

/// Every link's unit direction (cos θ_i, sin θ_i) at one configuration, kept between sweeps.
///
/// A sweep after a small step can then *rotate* each direction by its link's change of angle δ_i instead of
/// calling sincos: cos and sin of a small δ are short polynomials, and the rotation is a few vector products.
/// That is cheaper than glibc's `sincos` (docs/performance.md).
/// - Accuracy: the rotation adds about one rounding to values glibc gives to within an ulp; the tests bound
///   the difference from a fresh sincos (`LinkDirectionsTests`).
/// - No drift: a rotated set is never rotated again. The caller refreshes it with sincos first, so error
///   cannot accumulate over a long run.
/// The buffers are owned by whoever allocates the value and are released with `deallocate()`.
@usableFromInline
struct LinkDirections {
    /// θ_i = Σ_{k≤i} q_k, as the sweep formed it.
    @usableFromInline let theta: UnsafeMutableBufferPointer<Double>
    /// (cos θ_i, sin θ_i).
    @usableFromInline let unit: UnsafeMutableBufferPointer<SIMD2<Double>>

    /// The largest |δ_i| rotated through: the polynomials below are exact to well under an ulp up to here. A
    /// tracking step moves a link by about 0.01 rad; anything larger is refreshed by sincos.
    @usableFromInline static let maxRotation = 0.0625

    init(count n: Int) {
        theta = .allocate(capacity: n); theta.initialize(repeating: 0)
        unit = .allocate(capacity: n); unit.initialize(repeating: SIMD2(1, 0))
    }

    func deallocate() { theta.deallocate(); unit.deallocate() }

    /// Link i's direction as forward-mode duals in θ_i, `jacobianForward`'s link element. The tangent of
    /// a unit direction is its perpendicular (−sin θ, cos θ): exactly what `Dual.sincos` gives with tangent 1
    /// (−(s·1) and c·1 round to −s and c), so a fresh set and the duals agree to the bit.
    @inlinable @inline(__always)
    func direction(_ i: Int) -> (x: Dual<Double>, y: Dual<Double>) {
        let v = unit[i]
        return (Dual(value: v.x, tangent: -v.y), Dual(value: v.y, tangent: v.x))
    }

    /// Link i's direction as nested duals in θ_i (tangent 1 at both levels): second derivatives from the held
    /// unit vector, each derivative a quarter turn, bit for bit what `Dual<Dual<Double>>.sincos` gives.
    @inlinable @inline(__always)
    func secondOrder(_ i: Int) -> (x: Dual<Dual<Double>>, y: Dual<Dual<Double>>) {
        let v = unit[i]
        return (Dual(value: Dual(value: v.x, tangent: -v.y), tangent: Dual(value: -v.y, tangent: -v.x)),
                Dual(value: Dual(value: v.y, tangent: v.x), tangent: Dual(value: v.x, tangent: -v.y)))
    }

    /// Every direction at q by sincos (forward mode on `PlanarArm.direction`, tangent 1 in θ_i).
    @inlinable @inline(__always)
    func refresh(_ q: UnsafeBufferPointer<Double>) {
        var t = 0.0
        for i in 0..<q.count {
            t += q[i]
            theta[i] = t
            let d = PlanarArm.direction(absoluteAngle: t)
            unit[i] = SIMD2(d.x, d.y)
        }
    }

    /// Moves every direction from the configuration it holds to q by rotation. Returns false, having changed
    /// nothing, if some link turns by more than `maxRotation`.
    @inlinable @inline(__always)
    func rotate(to q: UnsafeBufferPointer<Double>) -> Bool {
        // First only the check, so a refused step leaves everything as it was; then the same prefix sums again
        // (a few additions) rather than a buffer of the δs.
        var t = 0.0, within = true
        for i in 0..<q.count {
            t += q[i]
            // Written so that a NaN fails it too (`max` would skip a NaN).
            if !(Swift.abs(t - theta[i]) <= Self.maxRotation) { within = false }
        }
        guard within else { return false }
        t = 0
        for i in 0..<q.count {
            t += q[i]
            let r = SmallRotation(t - theta[i])
            theta[i] = t
            let v = unit[i]
            // v + (m·v + sin δ·v⊥) rather than cos δ·v + sin δ·v⊥: the correction is small, so its rounding is
            // too, and the one rounding left is the final sum's.
            unit[i] = v + (r.cosineMinusOne * v + r.sine * SIMD2(-v.y, v.x))
        }
        return true
    }

    /// The angle of the last link, θ_{n−1} (the tip's φ, unwrapped).
    @inlinable var last: Double { theta.isEmpty ? 0 : theta[theta.count - 1] }
}

/// cos δ − 1 and sin δ for |δ| ≤ `LinkDirections.maxRotation`, by their Taylor series: the first omitted terms,
/// δ¹⁰/10! and δ¹¹/11!, are below 3e-19 there, far under an ulp of the values they are added to. Both
/// series run in one `SIMD2` Horner scheme in z = δ².
@usableFromInline
struct SmallRotation {
    @usableFromInline let cosineMinusOne: Double
    @usableFromInline let sine: Double

    @inlinable @inline(__always) init(_ delta: Double) {
        let z = SIMD2(repeating: delta * delta)
        // (cos δ − 1, sin δ/δ − 1), each as z·(c₁ + z·(c₂ + z·(c₃ + z·c₄))).
        var r = SIMD2<Double>(1.0 / 40_320, 1.0 / 362_880)
        r = SIMD2(-1.0 / 720, -1.0 / 5_040) + z * r
        r = SIMD2(1.0 / 24, 1.0 / 120) + z * r
        r = SIMD2(-1.0 / 2, -1.0 / 6) + z * r
        r = z * r
        cosineMinusOne = r.x
        sine = delta + delta * r.y
    }
}
