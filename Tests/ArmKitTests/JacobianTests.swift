import Testing
import Foundation
@testable import ArmKit
import AutoDiff

@Suite struct JacobianTests {
    @Test func adJacobianMatchesAnalyticAtRandomArms() {
        var rng = SplitMix64(seed: 2026)
        for trial in 0..<1000 {
            let n = Int.random(in: 1...64, using: &rng)
            let links = (0..<n).map { _ in Double.random(in: 0.05...1.0, using: &rng) }
            let base = Point2D(x: Double.random(in: -2...2, using: &rng), y: Double.random(in: -2...2, using: &rng))
            let arm = makeArm(links, base: base)
            let q = (0..<n).map { _ in Double.random(in: -.pi ... .pi, using: &rng) }
            let task: IKTask = trial % 2 == 0 ? .position : .pose
            let oracle = analyticJacobian(arm, q, task: task)
            let forward = arm.jacobian(q, task: task, mode: .forward)
            let reverse = arm.jacobian(q, task: task, mode: .reverse)
            let dense = arm.jacobian(q, task: task, mode: .dense)
            for i in oracle.elements.indices {
                #expect(abs(forward.elements[i] - oracle.elements[i]) <= 1e-12, "trial \(trial) forward")
                #expect(abs(reverse.elements[i] - oracle.elements[i]) <= 1e-12, "trial \(trial) reverse")
                #expect(abs(dense.elements[i] - oracle.elements[i]) <= 1e-12, "trial \(trial) dense forward")
                #expect(abs(forward.elements[i] - reverse.elements[i]) <= 1e-12)
            }
            if trial % 10 == 0 { expectMatchesFiniteDifferences(arm, q, task, forward) }
        }
    }

    func expectMatchesFiniteDifferences(_ arm: PlanarArm, _ q: [Double], _ task: IKTask, _ j: Matrix) {
        let h = 1e-6
        for col in 0..<arm.jointCount {
            var plus = q, minus = q
            plus[col] += h; minus[col] -= h
            let p = unwrappedTip(arm, plus), m = unwrappedTip(arm, minus)
            for r in 0..<task.dimension {
                let fd = (p[r] - m[r]) / (2 * h)
                #expect(abs(j[r, col] - fd) <= 1e-6 * max(1, abs(fd)))
            }
        }
    }

    func unwrappedTip(_ arm: PlanarArm, _ q: [Double]) -> [Double] {
        let t = arm.tipPose { q[$0] }
        return [t.x, t.y, t.phi]
    }

    @Test func beyondOneChunkForwardStillMatches() {
        // 200 joints: forward mode takes seven sweeps of 32 partials.
        var rng = SplitMix64(seed: 11)
        let arm = makeArm((0..<200).map { _ in Double.random(in: 0.01...0.05, using: &rng) })
        let q = (0..<200).map { _ in Double.random(in: -0.5...0.5, using: &rng) }
        let oracle = analyticJacobian(arm, q, task: .pose)
        let forward = arm.jacobian(q, task: .pose, mode: .forward)
        let reverse = arm.jacobian(q, task: .pose, mode: .reverse)
        for i in oracle.elements.indices {
            #expect(abs(forward.elements[i] - oracle.elements[i]) <= 1e-12)
            #expect(abs(reverse.elements[i] - oracle.elements[i]) <= 1e-12)
        }
    }

    @Test func tipAndJointPositionsAgree() {
        let arm = makeArm([1.0, 0.8, 0.6], base: Point2D(x: 0.5, y: -0.25))
        let q = [0.1, 0.2, 0.3]
        let points = arm.jointPositions(q)
        let tip = arm.tip(q)
        #expect(points.count == 4)
        #expect(points[0] == arm.base)
        #expect(abs(points[3].x - tip.x) < 1e-15 && abs(points[3].y - tip.y) < 1e-15)
        let expectedX: Double = 0.5 + cos(0.1) + 0.8 * cos(0.3) + 0.6 * cos(0.6)
        #expect(abs(tip.x - expectedX) < 1e-15)
        #expect(abs(tip.phi - 0.6) < 1e-15)
    }

    @Test func kinematicHessianMatchesFiniteDifferencesAndIsSymmetric() {
        var rng = SplitMix64(seed: 99)
        for _ in 0..<20 {
            let n = Int.random(in: 1...12, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1.0, using: &rng) })
            let q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
            let hessian = arm.kinematicHessian(q, task: .pose)
            let h = 1e-6
            for k in 0..<n {
                var plus = q, minus = q
                plus[k] += h; minus[k] -= h
                let jp = arm.jacobian(plus, task: .pose), jm = arm.jacobian(minus, task: .pose)
                for r in 0..<3 {
                    for j in 0..<n {
                        let fd = (jp[r, j] - jm[r, j]) / (2 * h)
                        #expect(abs(hessian[r][k, j] - fd) <= 1e-6 * max(1, abs(fd)))
                        #expect(abs(hessian[r][k, j] - hessian[r][j, k]) <= 1e-13)
                    }
                }
            }
        }
    }
}

/// One workspace serves every reverse-mode call of a solver, and its adjoint buffer is never refilled between
/// calls: each sweep must leave it zero for the next. These calls alternate task, size of arm and point.
@Suite struct ReusedWorkspaceTests {
    @Test func everyCallOnOneWorkspaceMatchesTheOracle() {
        var rng = SplitMix64(seed: 77)
        for n in [1, 2, 7, 33] {
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...0.8, using: &rng) })
            let workspace = KinematicsWorkspace(arm: arm)
            for call in 0..<40 {
                let q = (0..<n).map { _ in Double.random(in: -.pi ... .pi, using: &rng) }
                let task: IKTask = call % 3 == 2 ? .pose : .position
                var j = [Double](repeating: .nan, count: task.dimension * n)
                let tip = q.withUnsafeBufferPointer { q in
                    j.withUnsafeMutableBufferPointer { workspace.jacobianReverse(q, task: task, into: $0) }
                }
                let oracle = analyticJacobian(arm, q, task: task)
                for i in oracle.elements.indices {
                    #expect(abs(j[i] - oracle.elements[i]) <= 1e-12, "n \(n) call \(call) element \(i)")
                }
                let fk = arm.tipPose { q[$0] }
                #expect(abs(tip.x - fk.x) <= 1e-12 && abs(tip.y - fk.y) <= 1e-12 && abs(tip.phi - fk.phi) <= 1e-12)
            }
        }
    }
}
