import Testing
import AutoDiff

/// Each elementary function's derivative, in every mode, against central differences.
@Suite struct ElementaryDerivativeTests {
    struct Elementary: DifferentiableMap {
        func callAsFunction<T: ADReal>(_ v: [T]) -> [T] {
            let x = v[0], y = v[1]
            return [T.sin(x), T.cos(x), T.tan(x), T.sqrt(x), T.exp(x), T.log(x), T.atan2(y: y, x: x),
                    T.pow(x, 2.5), T.pow(x, y), T.abs(y), x / y, T.sincos(y).sin * T.sincos(x).cos]
        }
    }

    @Test(arguments: [[0.7, -1.3], [2.2, 0.4], [0.05, 3.0]])
    func matchFiniteDifferences(point: [Double]) {
        let f = Elementary()
        let eps = 1e-6
        for mode in DifferentiationMode.allCases {
            let j = jacobian(f, at: point, mode: mode)
            for c in 0..<2 {
                var plus = point, minus = point
                plus[c] += eps; minus[c] -= eps
                let fp: [Double] = f(plus), fm: [Double] = f(minus)
                for r in 0..<fp.count {
                    let fd = (fp[r] - fm[r]) / (2 * eps)
                    #expect(abs(j[r, c] - fd) <= 1e-6 * max(1, abs(fd)), "mode \(mode) row \(r) col \(c)")
                }
            }
        }
    }

    @Test func sqrtAtZeroIsNeverNaN() {
        struct SqrtOfFirst: DifferentiableMap {
            func callAsFunction<T: ADReal>(_ v: [T]) -> [T] { [T.sqrt(v[0]) + v[1]] }
        }
        let j = jacobian(SqrtOfFirst(), at: [0, 1], mode: .forward)
        #expect(j[0, 0] == .infinity)   // the one-sided derivative
        #expect(j[0, 1] == 1)           // unaffected input: no 0·∞ NaN
        let (_, t) = jvp(SqrtOfFirst(), at: [0, 1], along: [0, 1])
        #expect(t == [1])
    }

    @Test func atan2AndAbsAtTheirKinksUseSubgradientZero() {
        struct Kinks: DifferentiableMap {
            func callAsFunction<T: ADReal>(_ v: [T]) -> [T] { [T.atan2(y: v[0], x: v[1]), T.abs(v[0])] }
        }
        for mode in DifferentiationMode.allCases {
            let j = jacobian(Kinks(), at: [0, 0], mode: mode)
            #expect(j.elements == [0, 0, 0, 0])
        }
    }
}
