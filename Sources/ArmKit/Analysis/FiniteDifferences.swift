import AutoDiff

/// Central finite differences, the baseline every AD derivative is checked against. The step for coordinate i
/// is h_i = (ε·max(1, |q_i|))^(1/3) for first derivatives and (ε·max(1, |q_i|))^(1/4) for second differences:
/// each balances the truncation error O(h²) against the rounding of q_i ± h itself, ε·|q_i|/h (or /h²). The
/// kinematics are periodic in q, so derivatives do not grow with |q| and the usual h ∝ |x| would be far too
/// large for a large angle (0.6 rad at q = 1e5).
public enum FiniteDifferences {
    public static let firstOrderStep = 6.0554544523933395e-06   // ε^(1/3), ε = 2⁻⁵²
    public static let secondOrderStep = 1.220703125e-04          // ε^(1/4)

    /// The step per coordinate for first (`order` 1) or second (`order` 2) derivatives.
    public static func steps(_ q: [Double], order: Int) -> [Double] {
        let (base, power) = order == 1 ? (firstOrderStep, 1.0 / 3.0) : (secondOrderStep, 0.25)
        return q.map { base * Double.pow(max(1, abs($0)), power) }
    }

    /// ∂f/∂q by central differences of the map's values.
    public static func jacobian<F: DifferentiableMap>(_ f: F, at q: [Double]) -> Matrix {
        let h = steps(q, order: 1)
        var columns: [[Double]] = []
        for i in q.indices {
            var plus = q, minus = q
            plus[i] += h[i]; minus[i] -= h[i]
            let up: [Double] = f(plus), down: [Double] = f(minus)
            let width = plus[i] - minus[i]   // the step as represented, not as intended
            columns.append(zip(up, down).map { ($0 - $1) / width })
        }
        var m = Matrix(rows: columns.first?.count ?? 0, columns: q.count)
        for c in columns.indices { for r in columns[c].indices { m[r, c] = columns[c][r] } }
        return m
    }

    public static func gradient<F: DifferentiableScalarFunction>(_ f: F, at q: [Double]) -> [Double] {
        let h = steps(q, order: 1)
        return q.indices.map { i in
            var plus = q, minus = q
            plus[i] += h[i]; minus[i] -= h[i]
            let up: Double = f(plus), down: Double = f(minus)
            return (up - down) / (plus[i] - minus[i])
        }
    }

    /// ∇²f by second differences of f alone (no derivative of f used): the four-point formula off the diagonal,
    /// the three-point one on it.
    public static func hessian<F: DifferentiableScalarFunction>(_ f: F, at q: [Double]) -> Matrix {
        let n = q.count
        let h = steps(q, order: 2)
        let center: Double = f(q)
        var m = Matrix(rows: n, columns: n)
        func value(_ i: Int, _ si: Double, _ j: Int, _ sj: Double) -> Double {
            var x = q
            x[i] += si * h[i]; x[j] += sj * h[j]
            return f(x)
        }
        for i in 0..<n {
            m[i, i] = (value(i, 1, i, 1) - 2 * center + value(i, -1, i, -1)) / (4 * h[i] * h[i])
            for j in (i + 1)..<max(i + 1, n) {
                let d = value(i, 1, j, 1) - value(i, 1, j, -1) - value(i, -1, j, 1) + value(i, -1, j, -1)
                m[i, j] = d / (4 * h[i] * h[j]); m[j, i] = m[i, j]
            }
        }
        return m
    }
}

/// One matrix (or vector) checked: AD against finite differences.
public struct DerivativeCheck: Sendable, Equatable {
    public let name: String
    public let maxAbsolute: Double
    /// maxAbsolute / scale, the scale being a bound on the entries' size (see `FiniteDifferenceCheck`).
    public let maxRelative: Double
    public let scale: Double
    public var passed: Bool { maxRelative <= FiniteDifferenceCheck.tolerance }

    public init(name: String, ad: [Double], fd: [Double], scale: Double) {
        self.name = name
        var worst = 0.0
        for (a, b) in zip(ad, fd) { worst = max(worst, abs(a - b)) }
        maxAbsolute = worst
        self.scale = scale
        maxRelative = scale > 0 ? worst / scale : worst
    }
}

/// J, ∇L and ∇²L by AD against central finite differences. Relative errors are taken against a bound on each
/// matrix's entries, so a gradient that is 0 at a stationary point does not turn rounding into a "100% error":
/// |J| ≤ R (the reach Σ L), |∇L| ≤ R‖e‖, |∇²L| ≤ R² + R‖e‖ — with R‖e‖ floored at R² for the last two.
public struct FiniteDifferenceCheck: Sendable {
    /// Agreement required of every check (relative, as above). Observed errors are ~1e-9 (see the tests).
    public static let tolerance = 1e-6

    public let jacobian: DerivativeCheck
    public let gradient: DerivativeCheck
    public let hessian: DerivativeCheck
    public var checks: [DerivativeCheck] { [jacobian, gradient, hessian] }
    public var passed: Bool { checks.allSatisfy(\.passed) }

    public init(arm: PlanarArm, q: [Double], target: Pose2D, task: IKTask, jacobian j: Matrix, view: LeastSquaresView) {
        let loss = LeastSquaresLoss(arm: arm, target: target, task: task, reference: q)
        let reach = arm.reach
        let errorScale = max(reach * LeastSquaresView.norm(view.error), reach * reach)
        let fdJ = FiniteDifferences.jacobian(TipMap(arm: arm, task: task), at: q)
        jacobian = DerivativeCheck(name: "J", ad: j.elements, fd: fdJ.elements, scale: max(reach, task == .pose ? 1 : 0))
        gradient = DerivativeCheck(name: "∇L", ad: view.gradient, fd: FiniteDifferences.gradient(loss, at: q), scale: errorScale)
        hessian = DerivativeCheck(name: "∇²L", ad: view.hessian.elements, fd: FiniteDifferences.hessian(loss, at: q).elements,
                                  scale: reach * reach + errorScale)
    }
}
