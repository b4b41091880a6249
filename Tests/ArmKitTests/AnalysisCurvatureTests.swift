import Testing
@testable import ArmKit
import AutoDiff

/// Quadratics written generically, so the classifier is tested on Hessians that AD computed.
private struct Quadratic: DifferentiableScalarFunction {
    let a: Double, b: Double
    func callAsFunction<T: ADReal>(_ x: [T]) -> T { a * (x[0] * x[0]) + b * (x[1] * x[1]) }
}

@Suite struct AnalysisCurvatureTests {
    @Test(arguments: [(1.0, 1.0, CurvatureClass.bowl), (1, -1, .saddle), (-1, -1, .hill), (1, 0, .flat), (-1, 0, .hill), (0, 0, .flat)])
    func classOfQuadratics(a: Double, b: Double, expected: CurvatureClass) {
        let h = hessian(Quadratic(a: a, b: b), at: [0.3, -0.7])
        #expect(CurvatureClass.classify(hessian: h) == expected)
    }

    @Test func toleranceIsRelativeToTheLargestEigenvalue() {
        #expect(CurvatureClass.classify(eigenvalues: [1e6, 2]) == .bowl)
        #expect(CurvatureClass.classify(eigenvalues: [1e6, 0.5]) == .flat)   // 0.5 ≤ τ = 1e-6 · 1e6 = 1
        #expect(CurvatureClass.classify(eigenvalues: [1e6, -0.5]) == .flat)
        #expect(CurvatureClass.classify(eigenvalues: [1e6, -2]) == .saddle)
        #expect(CurvatureClass.classify(eigenvalues: [1e-12, -1e-12]) == .saddle)   // scale-free
    }

    @Test func eigenDecompositionReconstructs() {
        var rng = SplitMix64(seed: 7)
        for n in 1...9 {
            var a = Matrix(rows: n, columns: n)
            for i in 0..<n { for j in i..<n { let v = Double.random(in: -2...2, using: &rng); a[i, j] = v; a[j, i] = v } }
            let eigen = EigenDecomposition(symmetric: a)
            #expect(eigen.values == eigen.values.sorted())
            for (value, vector) in zip(eigen.values, eigen.vectors) {
                let av = a * vector
                for i in 0..<n { #expect(abs(av[i] - value * vector[i]) < 1e-12) }
                #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
            }
        }
    }

    /// The solver's λ_min (SymmetricEigen) and EigenDecomposition share one Jacobi sweep: same smallest pair.
    @Test func solverSmallestEigenpairIsTheDecompositionsFirst() {
        var rng = SplitMix64(seed: 11)
        for n in 1...8 {
            var a = Matrix(rows: n, columns: n)
            for i in 0..<n { for j in i..<n { let v = Double.random(in: -2...2, using: &rng); a[i, j] = v; a[j, i] = v } }
            let full = EigenDecomposition(symmetric: a), smallest = SymmetricEigen.smallest(a)
            #expect(smallest.value == full.values[0])
            let dot = zip(smallest.vector, full.vectors[0]).reduce(0) { $0 + $1.0 * $1.1 }
            #expect(abs(abs(dot) - 1) < 1e-12)
        }
    }

    /// Links 1, 0.8, 0.6 stretched along +x, target (1.5, 0) on its own line: e = (−0.9, 0), ∇L = 0, and by hand
    /// ∇²L = yyᵀ − 0.9·S with y = (2.4, 1.4, 0.6) (J's y row) and S the suffix sums of the link lengths.
    @Test func stretchedArmIsAStationarySaddle() {
        let arm = makeArm([1, 0.8, 0.6])
        let q = [0.0, 0, 0]
        let target = Pose2D(x: 1.5, y: 0)
        let view = LeastSquaresView(arm: arm, q: q, target: target, task: .position,
                                    jacobian: arm.jacobian(q, task: .position, mode: .forward))
        #expect(view.curvature == .saddle)
        #expect(view.stationary)
        #expect(abs(view.loss - 0.405) < 1e-15)
        let y = [2.4, 1.4, 0.6]
        let s = [[2.4, 1.4, 0.6], [1.4, 1.4, 0.6], [0.6, 0.6, 0.6]]
        let fd = FiniteDifferences.hessian(LeastSquaresLoss(arm: arm, target: target, task: .position, reference: q), at: q)
        for i in 0..<3 {
            for j in 0..<3 {
                #expect(abs(view.hessian[i, j] - (y[i] * y[j] - 0.9 * s[i][j])) < 1e-12)
                #expect(abs(view.hessian[i, j] - fd[i, j]) < 1e-6)
            }
        }
        let fdEigen = EigenDecomposition(symmetric: fd).values
        #expect(view.eigen.values.first! < -0.1 && view.eigen.values.last! > 0.1)
        for (a, b) in zip(view.eigen.values, fdEigen) { #expect(abs(a - b) < 1e-6) }
        #expect(view.splitResidual < 1e-12)
    }

    @Test func solvedRedundantArmIsFlatAndStationary() {
        let arm = makeArm([1, 0.8, 0.6])
        let q = [0.3, 0.5, -0.4]
        let tip = arm.tip(q)
        let view = LeastSquaresView(arm: arm, q: q, target: tip, task: .position,
                                    jacobian: arm.jacobian(q, task: .position, mode: .dense))
        #expect(view.curvature == .flat)   // JᵀJ has rank 2: the null-space direction costs nothing
        #expect(view.stationary)
    }
}
