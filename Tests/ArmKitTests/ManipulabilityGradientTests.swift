import Testing
@testable import ArmKit
import AutoDiff

/// The O(n) closed form against the nested-AD form it replaced (O(n³)), kept here as the oracle.
@Suite struct ManipulabilityGradientTests {
    /// The former product code: ∂w/∂q_k = w · tr(J⁺ ∂J/∂q_k) with ∂J/∂q_k from the kinematic Hessian (nested AD).
    static func nestedADGradient(arm: PlanarArm, q: [Double], task: IKTask) -> [Double] {
        let n = arm.jointCount, m = task.dimension
        let j = arm.jacobian(q, task: task)
        let h = arm.kinematicHessian(q, task: task)
        var a = Matrix(rows: m, columns: m)
        for r in 0..<m { for s in 0..<m { a[r, s] = (0..<n).reduce(0) { $0 + j[r, $1] * j[s, $1] } } }
        guard let inv = ManipulabilityGradient.invert(a) else { return [Double](repeating: 0, count: n) }
        let w = max(ManipulabilityGradient.determinant(a), 0).squareRoot()
        var grad = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var trace = 0.0
            for c in 0..<n {
                for r in 0..<m {
                    var pinv = 0.0
                    for s in 0..<m { pinv += j[s, c] * inv[s, r] }
                    trace += pinv * h[r][k, c]
                }
            }
            grad[k] = w * trace
        }
        return grad
    }

    @Test(arguments: IKTask.allCases)
    func matchesNestedADOnRandomArms(task: IKTask) {
        var rng = SplitMix64(seed: 0x6D616E6970)
        var compared = 0
        for _ in 0..<60 {
            let n = Int.random(in: 1...24, using: &rng)
            let links = (0..<n).map { _ in Double.random(in: 0.05...1.5, using: &rng) }
            let arm = makeArm(links, base: Point2D(x: Double.random(in: -2...2, using: &rng), y: 0.5))
            let q = (0..<n).map { _ in Double.random(in: -3.2...3.2, using: &rng) }
            let fast = ManipulabilityGradient.compute(arm: arm, q: q, task: task)
            let oracle = Self.nestedADGradient(arm: arm, q: q, task: task)
            #expect(fast.count == n)
            let scale = max(1, oracle.map(abs).max() ?? 0)
            for k in 0..<n {
                #expect(abs(fast[k] - oracle[k]) <= 1e-10 * scale, "n \(n) k \(k): \(fast[k]) vs \(oracle[k])")
            }
            if oracle.contains(where: { $0 != 0 }) { compared += 1 }
        }
        #expect(compared > 40)   // most random arms are redundant and non-singular: real gradients were compared
    }

    @Test func singularArmsGiveAFiniteNegligibleGradient() {
        // One link (J Jᵀ of rank 1) and a stretched arm: w = 0 up to rounding, so the gradient is (near) zero.
        for (links, q) in [([1.0], [0.3]), ([1.0, 0.8, 0.6], [0.2, 0, 0])] {
            let g = ManipulabilityGradient.compute(arm: makeArm(links), q: q, task: .position)
            #expect(g.allSatisfy { $0.isFinite && abs($0) < 1e-6 }, "\(links): \(g)")
        }
    }

    @Test func largeArmsAreFinite() {
        let n = PlanarArm.maxLinks
        let arm = makeArm([Double](repeating: ModelBounds.maxLength, count: n))
        let q = (0..<n).map { Double($0 % 7) * 0.3 - 0.9 }
        for task in IKTask.allCases {
            let g = ManipulabilityGradient.compute(arm: arm, q: q, task: task)
            #expect(g.allSatisfy(\.isFinite) && g.contains { $0 != 0 }, "\(task)")
        }
    }
}
