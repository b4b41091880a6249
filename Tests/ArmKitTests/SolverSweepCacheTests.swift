import Testing
@testable import ArmKit

/// A solve starts from the tip and J its previous solve ended with when q has not changed since. Whatever the
/// caller does to q between solves, a reused solver must give exactly what a fresh one gives.
@Suite struct SolverSweepCacheTests {
    @Test(arguments: [IKTask.position, .pose])
    func reusedSolverMatchesAFreshOneBitForBit(task: IKTask) throws {
        let arm = try PlanarArm(links: [1.0, 0.8, 0.6, 0.4], limits: [JointLimit(lower: -3, upper: 3), JointLimit(lower: -2.5, upper: 2.5),
                                                                    JointLimit(lower: -2.5, upper: 2.5), JointLimit(lower: -2, upper: 2)])
        let config = SolverConfig()
        let reused = JacobianIKSolver(arm: arm, task: task, config: config, rest: [])
        var rng = SplitMix64(seed: 5)
        var qReused: [Double] = [0.4, 0.6, 0.3, -0.2]
        for step in 0..<300 {
            let target = Pose2D(x: Double.random(in: -2.6...2.6, using: &rng), y: Double.random(in: -2.6...2.6, using: &rng),
                                phi: Double.random(in: -3...3, using: &rng))
            // Sometimes the caller moves the arm itself (a reset, a drag): the cached sweep must not be used.
            if step % 7 == 3 { qReused[step % 4] += 0.25 }
            if step % 11 == 5 { qReused[0] = -qReused[0] }   // a sign flip only
            var qFresh = qReused
            let fresh = JacobianIKSolver(arm: arm, task: task, config: config, rest: [])
            let expected = qFresh.withUnsafeMutableBufferPointer { fresh.solve($0, target: target) }
            let got = qReused.withUnsafeMutableBufferPointer { reused.solve($0, target: target) }
            #expect(got == expected, "step \(step)")
            #expect(qReused == qFresh, "step \(step)")
        }
    }

    @Test func solvingTheSameTargetAgainTakesNoIteration() throws {
        let arm = try PlanarArm(links: [1.0, 0.8, 0.6])
        let solver = JacobianIKSolver(arm: arm, task: .position, config: SolverConfig(), rest: [])
        var q = [0.4, 0.6, 0.3]
        let target = Pose2D(x: 1.2, y: 0.9)
        let first = q.withUnsafeMutableBufferPointer { solver.solve($0, target: target) }
        let again = q.withUnsafeMutableBufferPointer { solver.solve($0, target: target) }
        #expect(first.status == .converged && first.iterations > 0)
        #expect(again.iterations == 0)
        #expect(again.tip == first.tip && again.sigmaMin == first.sigmaMin)
    }
}
