import AutoDiff

/// A symmetric 2×2 or 3×3 matrix such as J Jᵀ: the DLS step only ever inverts one of these, in closed form.
@usableFromInline
struct SmallSymmetric {
    // The diagonal pair first: a00 and a11 share one aligned 16-byte slot, so a copy of the matrix through memory
    // reloads the 2×2 diagonal as one store-forwarded pair, not a load straddling two copied halves.
    @usableFromInline var a00 = 0.0, a11 = 0.0, a01 = 0.0, a22 = 0.0, a02 = 0.0, a12 = 0.0
    @usableFromInline var size: Int

    @inlinable init(size: Int) { self.size = size }

    /// J Jᵀ for a row-major size × n Jacobian.
    @inlinable init(gramOf j: UnsafeMutableBufferPointer<Double>, rows: Int, columns n: Int) {
        size = rows
        var s00 = 0.0, s01 = 0.0, s11 = 0.0
        for c in 0..<n {
            let x = j[c], y = j[n + c]
            s00 += x * x; s01 += x * y; s11 += y * y
        }
        a00 = s00; a01 = s01; a11 = s11
        if rows == 3 {
            var s02 = 0.0, s12 = 0.0, s22 = 0.0
            for c in 0..<n {
                let x = j[c], y = j[n + c], z = j[2 * n + c]
                s02 += x * z; s12 += y * z; s22 += z * z
            }
            a02 = s02; a12 = s12; a22 = s22
        }
    }

    /// xᵀ A x (x's third component is ignored for a 2×2).
    @inlinable func quadraticForm(_ x: SIMD3<Double>) -> Double {
        var q = a00 * x[0] * x[0] + 2 * a01 * x[0] * x[1] + a11 * x[1] * x[1]
        if size == 3 { q += 2 * (a02 * x[0] + a12 * x[1]) * x[2] + a22 * x[2] * x[2] }
        return q
    }

    /// A x (x's third component is ignored, and the result's is 0, for a 2×2).
    @inlinable func times(_ x: SIMD3<Double>) -> SIMD3<Double> {
        if size == 2 { return SIMD3(a00 * x[0] + a01 * x[1], a01 * x[0] + a11 * x[1], 0) }
        return SIMD3(a00 * x[0] + a01 * x[1] + a02 * x[2], a01 * x[0] + a11 * x[1] + a12 * x[2],
                     a02 * x[0] + a12 * x[1] + a22 * x[2])
    }

    /// The sum of the diagonal.
    @inlinable var trace: Double { size == 3 ? a00 + a11 + a22 : a00 + a11 }

    /// Solves (A + shift·I) w = b (2×2 in closed form, 3×3 by Cholesky); nil when not positive definite.
    /// The 2×2 case is small enough to inline into the solver's loop; the 3×3 Cholesky stays out of line.
    @inlinable @inline(__always) func solve(shift: Double, _ b: SIMD3<Double>) -> SIMD3<Double>? {
        if size == 2 {
            // Closed form: one division. Positive definite iff d0 > 0 and det > 0.
            let d0 = a00 + shift, d1 = a11 + shift
            let det = d0 * d1 - a01 * a01
            guard d0 > 0, det > 0, det.isFinite else { return nil }
            let inv = 1 / det
            return SIMD3((d1 * b[0] - a01 * b[1]) * inv, (d0 * b[1] - a01 * b[0]) * inv, 0)
        }
        return solveCholesky(shift: shift, b)
    }

    @inlinable @inline(never) func solveCholesky(shift: Double, _ b: SIMD3<Double>) -> SIMD3<Double>? {
        let d0 = a00 + shift, d1 = a11 + shift
        guard d0 > 0 else { return nil }
        let l00 = d0.squareRoot()
        let l10 = a01 / l00
        let s1 = d1 - l10 * l10
        guard s1 > 0 else { return nil }
        let l11 = s1.squareRoot()
        let l20 = a02 / l00
        let l21 = (a12 - l20 * l10) / l11
        let s2 = a22 + shift - l20 * l20 - l21 * l21
        guard s2 > 0 else { return nil }
        let l22 = s2.squareRoot()
        let y0 = b[0] / l00
        let y1 = (b[1] - l10 * y0) / l11
        let y2 = (b[2] - l20 * y0 - l21 * y1) / l22
        let w2 = y2 / l22
        let w1 = (y1 - l21 * w2) / l11
        let w0 = (y0 - l10 * w1 - l20 * w2) / l00
        return SIMD3(w0, w1, w2)
    }

    /// Whether every eigenvalue is ≥ t, without computing any: A − tI positive semidefinite by its leading minors
    /// (Sylvester). Cheaper than `minEigenvalue` (no square root or arccos) for the common, non-singular case.
    @inlinable @inline(__always) func smallestEigenvalueIsAtLeast(_ t: Double) -> Bool {
        let b00 = a00 - t, b11 = a11 - t
        guard b00 >= 0 else { return false }
        let m2 = b00 * b11 - a01 * a01
        guard m2 >= 0 else { return false }
        if size == 2 { return true }
        let b22 = a22 - t
        let det = b00 * (b11 * b22 - a12 * a12) - a01 * (a01 * b22 - a12 * a02) + a02 * (a01 * a12 - b11 * a02)
        return det >= 0 && b22 >= 0
    }

    /// The smallest eigenvalue, closed form (cheap; accurate to about ε·‖A‖, enough to schedule damping).
    @inlinable var minEigenvalue: Double {
        if size == 2 {
            let mean = 0.5 * (a00 + a11), half = 0.5 * (a00 - a11)
            return max(0, mean - (half * half + a01 * a01).squareRoot())
        }
        let p1 = a01 * a01 + a02 * a02 + a12 * a12
        let q = (a00 + a11 + a22) / 3
        let p2 = (a00 - q) * (a00 - q) + (a11 - q) * (a11 - q) + (a22 - q) * (a22 - q) + 2 * p1
        if p2 <= 0 { return max(0, q) }
        let p = (p2 / 6).squareRoot()
        let b00 = (a00 - q) / p, b11 = (a11 - q) / p, b22 = (a22 - q) / p
        let b01 = a01 / p, b02 = a02 / p, b12 = a12 / p
        let det = b00 * (b11 * b22 - b12 * b12) - b01 * (b01 * b22 - b12 * b02) + b02 * (b01 * b12 - b11 * b02)
        let r = min(1, max(-1, det / 2))
        let phi = Double.atan2(y: (1 - r * r).squareRoot(), x: r) / 3   // arccos r
        return max(0, q + 2 * p * Double.cos(phi + 2 * .pi / 3))
    }
}

