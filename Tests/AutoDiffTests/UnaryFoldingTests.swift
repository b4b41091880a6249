import Testing
import AutoDiff

/// Reverse mode folds unary operations into the consuming edge instead of recording them. These are the
/// shapes where folding could go wrong: a unary result used several times, long unary chains, a unary result
/// as the output itself, and huge local derivatives that must not turn a zero adjoint into NaN.
@Suite struct UnaryFoldingTests {
    struct Shapes: DifferentiableMap {
        func callAsFunction<T: ADReal>(_ v: [T]) -> [T] {
            let x = v[0], y = v[1]
            let s = T.sin(x)                               // reused three times below
            let chain = T.exp(T.sin(-(3 * T.cos(y))))      // five unary steps, no binary in between
            return [s * s + s, chain, -x, s + chain * y, T.tan(T.sqrt(x) + 0.5) / y]
        }
    }

    @Test(arguments: [[0.7, -1.3], [2.2, 0.4], [0.05, 3.0]])
    func reverseMatchesForward(point: [Double]) {
        let forward = jacobian(Shapes(), at: point, mode: .forward)
        let reverse = jacobian(Shapes(), at: point, mode: .reverse)
        for r in 0..<forward.rows {
            for c in 0..<forward.columns {
                #expect(abs(forward[r, c] - reverse[r, c]) <= 1e-12 * max(1, abs(forward[r, c])), "row \(r) col \(c)")
            }
        }
    }

    @Test func gradientThroughAUnaryOutput() {
        struct NegatedSine: DifferentiableScalarFunction {
            func callAsFunction<T: ADReal>(_ v: [T]) -> T { -T.sin(2 * v[0]) }
        }
        let g = gradient(NegatedSine(), at: [0.3])
        #expect(abs(g[0] - (-2 * cosine(0.6))) < 1e-14)
    }

    @Test func hugeLocalDerivativesKeepZeroAdjointsZero() {
        // √0 has the largest finite derivative; squaring it again overflows the product of the chain, which
        // must stay finite so that the unused input's zero adjoint is not 0·∞.
        struct RootOfRoot: DifferentiableMap {
            func callAsFunction<T: ADReal>(_ v: [T]) -> [T] { [T.sqrt(T.sqrt(v[0])) * 0 + v[1]] }
        }
        let j = jacobian(RootOfRoot(), at: [0, 2], mode: .reverse)
        #expect(!j[0, 0].isNaN)
        #expect(j[0, 1] == 1)
    }
}

private func cosine(_ x: Double) -> Double { Double.sincos(x).cos }
