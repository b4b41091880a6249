import Testing
import AutoDiff

/// f(x, y) = (x², y³)
struct SquareCube: DifferentiableMap {
    func callAsFunction<T: ADReal>(_ v: [T]) -> [T] { [v[0] * v[0], v[1] * v[1] * v[1]] }
}
struct SumOfSquares: DifferentiableScalarFunction {
    func callAsFunction<T: ADReal>(_ v: [T]) -> T { v.reduce(T(0)) { $0 + $1 * $1 } }
}
struct Saddle: DifferentiableScalarFunction {
    func callAsFunction<T: ADReal>(_ v: [T]) -> T { v[0] * v[0] - v[1] * v[1] }
}
/// A non-quadratic function with a dense Hessian, for hvp and mode-agreement checks.
struct Wiggly: DifferentiableScalarFunction {
    func callAsFunction<T: ADReal>(_ v: [T]) -> T {
        var s = T(0)
        for i in v.indices {
            let next = v[(i + 1) % v.count]
            s = s + T.sin(v[i] * next) + T.exp(0.1 * v[i]) * T.cos(next) + T.sqrt(v[i] * v[i] + 1)
        }
        return s
    }
}

@Suite struct SeedExampleTests {
    @Test func jacobianOfSquareCubeAtTwoTwo() {
        for mode in DifferentiationMode.allCases {
            let j = jacobian(SquareCube(), at: [2, 2], mode: mode)
            #expect(j.rowArrays == [[4, 0], [0, 12]], "mode \(mode)")
        }
    }

    @Test(arguments: [[0.0, 0.0], [1.5, -2.0], [-3.0, 7.25], [1e3, -1e-3]])
    func hessianOfSumOfSquaresIsTwoI(point: [Double]) {
        let h = hessian(SumOfSquares(), at: point)
        #expect(h.rowArrays == [[2, 0], [0, 2]])
        let g = gradient(SumOfSquares(), at: point)
        #expect(g == point.map { 2 * $0 })
    }

    @Test func saddleAtOriginHasEigenvaluesPlusAndMinusTwo() {
        let h = hessian(Saddle(), at: [0, 0])
        #expect(gradient(Saddle(), at: [0, 0]) == [0, 0])
        // Symmetric 2×2: eigenvalues (a+d)/2 ± sqrt(((a−d)/2)² + b²).
        let mean = (h[0, 0] + h[1, 1]) / 2
        let radius = (((h[0, 0] - h[1, 1]) / 2) * ((h[0, 0] - h[1, 1]) / 2) + h[0, 1] * h[0, 1]).squareRoot()
        #expect(mean + radius == 2)
        #expect(mean - radius == -2)
    }

    @Test func hvpEqualsHessianTimesVector() {
        let x = [0.3, -1.2, 0.7, 2.1, -0.4]
        let v = [1.0, 0.5, -2.0, 0.25, 3.0]
        let hv = hvp(Wiggly(), at: x, along: v)
        let h = hessian(Wiggly(), at: x)
        let expected = h * v
        for i in x.indices { #expect(abs(hv[i] - expected[i]) <= 1e-12 * max(1, abs(expected[i]))) }
        // And against central differences of the gradient along v.
        let eps = 1e-6
        let gp = gradient(Wiggly(), at: zip(x, v).map { $0 + eps * $1 })
        let gm = gradient(Wiggly(), at: zip(x, v).map { $0 - eps * $1 })
        for i in x.indices { #expect(abs(hv[i] - (gp[i] - gm[i]) / (2 * eps)) < 1e-6) }
    }

    @Test func jvpAndVjpAgreeWithJacobian() {
        let x = [0.3, -1.2]
        let j = jacobian(SquareCube(), at: x, mode: .forward)
        let (_, t) = jvp(SquareCube(), at: x, along: [1, 2])
        #expect(t == j * [1, 2])
        let (_, p) = vjp(SquareCube(), at: x, cotangent: [3, -1])
        #expect(p == j.transposed * [3, -1])
    }

    @Test func forwardChunksCoverMoreInputsThanOneSweep() {
        // 150 inputs: five sweeps of 32 partials in forward mode; must equal reverse mode.
        struct Chain: DifferentiableMap {
            func callAsFunction<T: ADReal>(_ v: [T]) -> [T] {
                var a = T(0), b = T(1)
                for x in v { a = a + T.sin(x) * b; b = b * T.cos(x) + T(0.5) }
                return [a, b]
            }
        }
        let x = (0..<150).map { Double($0) * 0.01 - 0.7 }
        let f = jacobian(Chain(), at: x, mode: .forward)
        let r = jacobian(Chain(), at: x, mode: .reverse)
        for i in f.elements.indices { #expect(abs(f.elements[i] - r.elements[i]) <= 1e-12 * max(1, abs(r.elements[i]))) }
    }
}
