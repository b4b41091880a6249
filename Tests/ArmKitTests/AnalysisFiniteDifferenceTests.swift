import Foundation
import Testing
@testable import ArmKit
import AutoDiff

@Suite struct AnalysisFiniteDifferenceTests {
    /// 1,000 random arms (1–7 links, both tasks, targets in and beyond reach): J, ∇L and ∇²L by AD agree with
    /// central finite differences within the stated tolerance, and the three Jacobian modes agree to 1e-12.
    @Test func adAgreesWithFiniteDifferencesOnRandomArms() {
        var rng = SplitMix64(seed: 20261130)
        var worst = [0.0, 0.0, 0.0]
        for _ in 0..<1000 {
            let n = Int.random(in: 1...7, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1.5, using: &rng) })
            let q = (0..<n).map { _ in Double.random(in: -.pi ... .pi, using: &rng) }
            let task: IKTask = Bool.random(using: &rng) ? .position : .pose
            let r = arm.reach * Double.random(in: 0...1.3, using: &rng), a = Double.random(in: -.pi ... .pi, using: &rng)
            let target = Pose2D(x: r * cos(a), y: r * sin(a), phi: Double.random(in: -.pi ... .pi, using: &rng))
            let j = arm.jacobian(q, task: task, mode: .forward)
            for mode in [JacobianMode.dense, .reverse] {
                let other = arm.jacobian(q, task: task, mode: mode)
                for k in j.elements.indices { #expect(abs(j.elements[k] - other.elements[k]) <= 1e-12) }
            }
            let view = LeastSquaresView(arm: arm, q: q, target: target, task: task, jacobian: j)
            let check = FiniteDifferenceCheck(arm: arm, q: q, target: target, task: task, jacobian: j, view: view)
            #expect(check.passed, "n \(n) q \(q) target \(target): \(check.checks.map { "\($0.name) \($0.maxRelative)" })")
            for (k, c) in check.checks.enumerated() { worst[k] = max(worst[k], c.maxRelative) }
            #expect(view.splitResidual <= 1e-12 * (arm.reach * arm.reach + arm.reach * LeastSquaresView.norm(view.error)))
        }
        // Far inside the tolerance, so a loosened step or formula would show.
        #expect(worst.allSatisfy { $0 < 1e-7 }, "worst relative errors J, ∇L, ∇²L: \(worst)")
    }

    /// A large angle: the step grows as |q|^(1/3), not |q| (which would be 0.6 rad here and fail the check).
    @Test func largeAnglesStillAgree() {
        let arm = makeArm([1, 0.8, 0.6])
        for q in [[1e5, 0.2, 0.3], [999_999, -5e5, 3]] {
            let target = Pose2D(x: 1, y: 1)
            let j = arm.jacobian(q, task: .position, mode: .forward)
            let view = LeastSquaresView(arm: arm, q: q, target: target, task: .position, jacobian: j)
            let check = FiniteDifferenceCheck(arm: arm, q: q, target: target, task: .position, jacobian: j, view: view)
            #expect(check.passed, "\(check.checks.map(\.maxRelative))")
        }
        #expect(FiniteDifferences.steps([1e5], order: 1)[0] < 1e-3)
    }

    @Test func aWrongDerivativeIsCaught() {
        let arm = makeArm([1, 0.8, 0.6])
        let q = [0.2, -0.4, 0.9]
        var j = arm.jacobian(q, task: .position, mode: .forward)
        let fd = FiniteDifferences.jacobian(TipMap(arm: arm, task: .position), at: q)
        #expect(DerivativeCheck(name: "J", ad: j.elements, fd: fd.elements, scale: arm.reach).passed)
        j[1, 2] += 1e-4
        #expect(!DerivativeCheck(name: "J", ad: j.elements, fd: fd.elements, scale: arm.reach).passed)
    }

    @Test func velocitiesThroughJ() {
        let arm = makeArm([1, 0.8, 0.6])
        let q = [0.3, 0.5, -0.4]
        let j = arm.jacobian(q, task: .position, mode: .forward)
        let qdot = [0.1, -0.2, 0.3]
        let v = VelocityMaps.tipVelocity(arm: arm, q: q, task: .position, qdot: qdot)
        let jq = j * qdot
        for r in 0..<2 { #expect(abs(v[r] - jq[r]) < 1e-14) }
        // q̇ = J⁺v reproduces v and is the minimum-norm such q̇ (orthogonal to J's null space).
        let back = VelocityMaps.jointVelocity(jacobian: j, tipVelocity: v, lambda: 0)
        let again = j * back
        for r in 0..<2 { #expect(abs(again[r] - v[r]) < 1e-12) }
        let norm = { (x: [Double]) in x.reduce(0) { $0 + $1 * $1 } }
        #expect(norm(back) <= norm(qdot) + 1e-12)
        // At a stretched arm the lost direction is dropped, not amplified, and DLS stays bounded.
        let stretched = arm.jacobian([0, 0, 0], task: .position, mode: .forward)
        let pinv = VelocityMaps.jointVelocity(jacobian: stretched, tipVelocity: [1, 0], lambda: 0)
        #expect(pinv.allSatisfy { $0 == 0 })
        let dls = VelocityMaps.jointVelocity(jacobian: stretched, tipVelocity: [1, 1], lambda: 0.05)
        #expect(dls.allSatisfy { $0.isFinite } && norm(dls) < 1)
    }
}
