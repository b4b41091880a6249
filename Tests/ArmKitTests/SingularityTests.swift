import Testing
@testable import ArmKit

@Suite struct SingularityTests {
    static let armSizes = [1, 2, 3, 7]

    @Test(arguments: armSizes)
    func fullExtensionIsABoundarySingularity(n: Int) {
        let arm = makeArm((0..<n).map { 1.0 - 0.1 * Double($0 % 5) })
        for theta in [0.0, 0.3, -1.2, 2.5, .pi / 2, -3.0] {
            var q = [Double](repeating: 0, count: n)
            q[0] = theta
            let a = SingularityAnalysis(arm: arm, q: q)
            #expect(a.sigmaMin < 1e-12, "n=\(n) θ=\(theta): σ_min = \(a.sigmaMin)")
            #expect(a.singular)
            #expect(a.kind == .boundary)
            #expect(a.manipulability < 1e-12)
        }
    }

    @Test(arguments: [2, 3, 7])
    func bendingByEpsilonGivesSigmaOfOrderEpsilon(n: Int) {
        let arm = makeArm([Double](repeating: 0.5, count: n))
        var previous = 0.0
        for eps in [1e-4, 1e-3, 1e-2] {
            var q = [Double](repeating: 0, count: n)
            q[n - 1] = eps
            let sigma = SingularityAnalysis(arm: arm, q: q).sigmaMin
            // For the last joint of equal links, σ_min ≈ c·ε with c of order the link length.
            #expect(sigma > 0.01 * eps && sigma < 10 * eps, "ε=\(eps): σ_min=\(sigma)")
            #expect(sigma > previous)
            previous = sigma
        }
        // ε = 1e-3 on the middle joint too.
        var q = [Double](repeating: 0, count: n)
        q[n / 2] = 1e-3
        let sigma = SingularityAnalysis(arm: arm, q: q).sigmaMin
        #expect(sigma > 1e-6 && sigma < 1e-2)
    }

    @Test func foldedTwoLinkArmIsInterior() {
        let arm = makeArm([1.0, 0.6])
        for theta in [0.0, 0.7, -2.0] {
            let a = SingularityAnalysis(arm: arm, q: [theta, .pi])
            #expect(a.singular)
            #expect(a.kind == .interior)
            #expect(a.sigmaMin < 1e-12)
        }
        let negative = SingularityAnalysis(arm: arm, q: [0.2, -.pi])
        #expect(negative.kind == .interior)
    }

    @Test func genericBentArmIsNotSingular() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let a = SingularityAnalysis(arm: arm, q: [0.1, 0.9, -0.7])
        #expect(!a.singular)
        #expect(a.kind == .none)
        #expect(a.conditionNumber.isFinite && a.conditionNumber >= 1)
        #expect(a.singularValues.max >= a.singularValues.min)
    }

    @Test func manipulabilityIsSqrtDetJJT() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let q = [0.3, -0.4, 1.1]
        let j = analyticJacobian(arm, q, task: .position)
        let a = j[0, 0] * j[0, 0] + j[0, 1] * j[0, 1] + j[0, 2] * j[0, 2]
        let d = j[1, 0] * j[1, 0] + j[1, 1] * j[1, 1] + j[1, 2] * j[1, 2]
        let b = j[0, 0] * j[1, 0] + j[0, 1] * j[1, 1] + j[0, 2] * j[1, 2]
        let analysis = SingularityAnalysis(arm: arm, q: q)
        #expect(abs(analysis.manipulability - (a * d - b * b).squareRoot()) < 1e-12)
        let pose = SingularityAnalysis(arm: arm, q: q, task: .pose)
        #expect(pose.singularValues.count == 3)
    }

    @Test func threeRowSingularValuesMatchTheGramMatrix() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<100 {
            let n = Int.random(in: 3...12, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1.0, using: &rng) })
            let q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
            let j = analyticJacobian(arm, q, task: .pose)
            let sv = SingularityAnalysis(arm: arm, q: q, task: .pose).singularValues
            // Sum of σ² = trace(J Jᵀ) = ‖J‖_F².
            let frob = j.elements.reduce(0) { $0 + $1 * $1 }
            let sumSq = sv.max * sv.max + sv.middle * sv.middle + sv.min * sv.min
            #expect(abs(frob - sumSq) <= 1e-10 * frob)
            #expect(sv.max >= sv.middle && sv.middle >= sv.min)
        }
    }

    /// The two-row path against quantities that need no SVD: Σσ² = ‖J‖_F², and Πσ² = det(J Jᵀ) computed as the
    /// sum of squared 2×2 minors (Binet–Cauchy), which has no cancellation even when σ_min is tiny.
    @Test func twoRowSingularValuesMatchFrobeniusAndMinors() {
        var rng = SplitMix64(seed: 11)
        for trial in 0..<200 {
            let n = Int.random(in: 2...16, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1.0, using: &rng) })
            var q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
            if trial % 4 == 0 { for i in 1..<n { q[i] = Double.random(in: -1e-6...1e-6, using: &rng) } }   // nearly straight
            let j = analyticJacobian(arm, q, task: .position)
            let sv = SingularityAnalysis(arm: arm, q: q).singularValues
            let frob = j.elements.reduce(0) { $0 + $1 * $1 }
            #expect(abs(frob - (sv.max * sv.max + sv.min * sv.min)) <= 1e-12 * frob)
            var minors = 0.0
            for a in 0..<n { for b in (a + 1)..<max(a + 1, n) { let m = j[0, a] * j[1, b] - j[0, b] * j[1, a]; minors += m * m } }
            let product = sv.max * sv.min
            #expect(abs(product - minors.squareRoot()) <= 1e-12 * frob, "n=\(n) trial \(trial)")
            #expect(sv.max >= sv.min && sv.min >= 0)
        }
    }
}

