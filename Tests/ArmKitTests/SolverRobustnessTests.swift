import Foundation
import Testing
@testable import ArmKit

/// Inputs at the edges of what a scenario may hold: huge angles, impossible poses, huge gains (issue 16).
@Suite struct SolverRobustnessTests {
    @Test(arguments: [1e12, -1e12, 1e300])
    func aHugeTargetOrientationConverges(phi: Double) {
        let arm = makeArm([1.0, 0.8, 0.6])
        // A pose reached by an arm whose tip faces wrapped(φ), asked for with φ itself.
        let psi = Angle.wrapped(phi)
        let reached = arm.tipPose { [0.3, 0.4, psi - 0.7][$0] as Double }
        let solver = makeSolver(arm: arm, task: .pose, config: SolverConfig())
        var q = [0.0, 0.2, 0.1]
        let report = solver.solve(&q, target: Pose2D(x: reached.x, y: reached.y, phi: phi))
        #expect(report.status == .converged, "\(report)")
        #expect(report.error < 1e-6)
    }

    @Test(arguments: [1e17, 1e308, -3e9])
    func aHugeInitialAngleStillConverges(start: Double) {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: SolverConfig())
        var q = [start, start, start]
        let report = solver.solve(&q, target: Pose2D(x: 1.2, y: 0.9))
        #expect(report.status == .converged, "\(report)")
        #expect(q.allSatisfy { $0.isFinite && abs($0) <= 2000 })
    }

    @Test func aPoseWhoseWristIsInTheHoleIsUnreachable() {
        // Links 1, 0.2, 0.5: the wrist (first two links) reaches 0.8…1.2 from the base. Target (1.0, 0) facing
        // +x puts the wrist at 0.5: inside the hole, although the point itself is within reach.
        let arm = makeArm([1.0, 0.2, 0.5])
        #expect(arm.canReach(Point2D(x: 1.0, y: 0)))
        #expect(!arm.canReach(pose: Pose2D(x: 1.0, y: 0, phi: 0)))
        #expect(!arm.canReach(pose: Pose2D(x: 1.0, y: 0, phi: .pi)))   // wrist at 1.5: beyond 1.2
        #expect(arm.canReach(pose: Pose2D(x: 1.0, y: 0, phi: .pi / 2)))   // wrist at 1.118
        let solver = makeSolver(arm: arm, task: .pose, config: SolverConfig())
        var q = [0.3, 0.4, 0.5]
        let report = solver.solve(&q, target: Pose2D(x: 1.0, y: 0, phi: 0))
        #expect(report.status == .unreachable)
        #expect(report.error > 1e-3)
    }

    @Test func aHugeRestGainStaysFinite() {
        var config = SolverConfig()
        config.nullSpace = .rest; config.nullSpaceGain = 1e155
        let arm = makeArm([1.0, 0.8, 0.6, 0.4])
        let solver = makeSolver(arm: arm, task: .position, config: config, rest: [0, 0, 0, 0])
        var q = [0.4, 0.6, 0.3, -0.2]
        for k in 0..<200 {
            let angle = Double(k) * 0.05
            let report = solver.solve(&q, target: Pose2D(x: 1.5 + 0.3 * cos(angle), y: 0.3 * sin(angle)))
            #expect(q.allSatisfy(\.isFinite) && report.error.isFinite && report.sigmaMin.isFinite, "frame \(k)")
        }
    }
}
