import Testing
@testable import ArmKit

@Suite struct SolverSingularityTests {
    func config(_ method: SolverMethod = .dls, variable: Bool = true, damping: Double = 0.05,
                maxIterations: Int = 200, maxStep: Double = 0.3) -> SolverConfig {
        var c = SolverConfig()
        c.method = method; c.variableDamping = variable; c.damping = damping
        c.maxIterations = maxIterations; c.maxStep = maxStep
        return c
    }

    /// Targets beyond reach, along the stretched arm's line and across it.
    static let beyondTargets = [Pose2D(x: 3.5, y: 0), Pose2D(x: 0, y: 3.2), Pose2D(x: -2.0, y: 2.9), Pose2D(x: 2.5, y: -2.5)]

    @Test(arguments: beyondTargets)
    func dlsAtExactSingularityStaysBoundedAndStretchesTowardTarget(target: Pose2D) {
        let arm = makeArm([1.0, 0.8, 0.6])
        // One iteration with a huge maxStep: the raw DLS step must obey ‖Δq‖ ≤ ‖e‖/(2λ).
        for variable in [false, true] {
            let single = makeSolver(arm: arm, task: .position, config: config(variable: variable, maxIterations: 1, maxStep: 1e9))
            var q = [0.0, 0.0, 0.0]
            let tip = arm.tip(q)
            let e = ((target.x - tip.x) * (target.x - tip.x) + (target.y - tip.y) * (target.y - tip.y)).squareRoot()
            let report = single.solve(&q, target: target)
            #expect(q.allSatisfy { $0.isFinite })
            #expect(report.largestStep <= e / (2 * 0.05) + 1e-12, "step \(report.largestStep) e \(e)")
            // σ_min = 0 at the start: λ = λ_max (along the line the aim is already met and no step is taken).
            if variable && report.iterations > 0 { #expect(report.damping == 0.05) }
        }
        // Solved to the end: stretched toward the target, unreachable, on the boundary.
        let solver = makeSolver(arm: arm, task: .position, config: config())
        var q = [0.0, 0.0, 0.0]
        let report = solver.solve(&q, target: target)
        #expect(q.allSatisfy { $0.isFinite })
        #expect(report.status == .unreachable)
        #expect(report.singularity == .boundary)
        #expect(report.singular)
        let tip = arm.tip(q)
        let direction = atan2(target.y, target.x)
        #expect(abs(Angle.wrapped(atan2(tip.y, tip.x) - direction)) < 1e-3)
        #expect(abs((tip.x * tip.x + tip.y * tip.y).squareRoot() - arm.reach) < 1e-4)
    }

    @Test func pseudoInverseRefusesAtTheSingularity() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: config(.pinv, maxStep: 1e9))
        for target in Self.beyondTargets + [Pose2D(x: 1.0, y: 1.0)] {
            var q = [0.0, 0.0, 0.0]
            let report = solver.solve(&q, target: target)
            #expect(q == [0, 0, 0], "no step taken")
            #expect(report.status == .failed || report.status == .unreachable)
            #expect(report.status != .converged)
            #expect(report.largestStep == 0)
        }
        // Away from singularities the same solver converges.
        var q = [0.3, 0.8, 0.5]
        let report = solver.solve(&q, target: Pose2D(x: 1.2, y: 1.1))
        #expect(report.status == .converged)
    }

    @Test func straightStartWithOffLineTargetConverges() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: config())
        var q = [0.0, 0.0, 0.0]
        let report = solver.solve(&q, target: Pose2D(x: 1.5, y: 0.9))
        #expect(report.status == .converged)
        #expect(report.error < 1e-6)
        #expect(report.saddleEscapes == 0)
    }

    @Test(arguments: [[1.0, 0.8], [1.0, 0.8, 0.6]])
    func straightStartWithInwardTargetEscapesTheSaddle(links: [Double]) {
        let arm = makeArm(links)
        let target = Pose2D(x: 0.9, y: 0)   // on the arm's own line, inside the reach
        var q = [Double](repeating: 0, count: links.count)
        // ½‖e‖² has a saddle here: zero gradient and a negative Hessian eigenvalue.
        let objective = ErrorObjective(arm: arm, target: target, task: .position, reference: q)
        let h = hessian(objective, at: q)
        #expect(gradient(objective, at: q).allSatisfy { abs($0) < 1e-12 })
        #expect(SymmetricEigen.smallest(h).value < -0.01)
        let solver = makeSolver(arm: arm, task: .position, config: config())
        let report = solver.solve(&q, target: target)
        #expect(report.saddleEscapes >= 1)
        #expect(report.status == .converged)
        #expect(report.error < 1e-6)
    }

    @Test func plainDLSWithoutEscapeWouldStayPut() {
        // The reason for the escape: at the saddle the DLS step itself is zero.
        let arm = makeArm([1.0, 0.8])
        let j = arm.jacobian([0, 0])
        let e = [0.9 - 1.8, 0.0]
        let g = (0..<2).map { c in j[0, c] * e[0] + j[1, c] * e[1] }
        #expect(g.allSatisfy { abs($0) < 1e-15 })
    }

    @Test func targetBeyondReachAndBackIsTrackedAgain() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: config(maxIterations: 50))
        var q = [0.0, 0.0, 0.0]
        var statuses: [SolveStatus] = []
        // Out along +x from 1.8 to 3.0 and back to 1.2.
        let xs = stride(from: 1.8, through: 3.0, by: 0.05).map { $0 } + stride(from: 3.0, through: 1.2, by: -0.05).map { $0 }
        for x in xs {
            let report = solver.solve(&q, target: Pose2D(x: x, y: 0))
            #expect(q.allSatisfy { $0.isFinite })
            statuses.append(report.status)
            if x > arm.reach + 1e-6 { #expect(report.status == .unreachable) }
        }
        #expect(statuses.contains(.unreachable))
        #expect(statuses.last == .converged)
        let tip = arm.tip(q)
        #expect(abs(tip.x - 1.2) < 1e-6 && abs(tip.y) < 1e-6)
    }

    @Test func variableDampingIsZeroAwayAndRisesToMaximum() {
        let eps = 0.1, lmax = 0.05
        #expect(DampingSchedule.lambda(sigmaMin: 0.5, threshold: eps, maximum: lmax, variable: true) == 0)
        #expect(DampingSchedule.lambda(sigmaMin: eps, threshold: eps, maximum: lmax, variable: true) == 0)
        #expect(DampingSchedule.lambda(sigmaMin: 0, threshold: eps, maximum: lmax, variable: true) == lmax)
        var previous = 0.0
        for sigma in stride(from: 0.099, through: 0.0, by: -0.011) {
            let l = DampingSchedule.lambda(sigmaMin: sigma, threshold: eps, maximum: lmax, variable: true)
            #expect(l > previous && l <= lmax)
            previous = l
        }
        #expect(DampingSchedule.lambda(sigmaMin: 0.5, threshold: eps, maximum: lmax, variable: false) == lmax)
        // In the solver: a generic configuration uses λ = 0; a stretched one uses λ_max.
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: config(maxIterations: 1))
        var bent = [0.3, 0.9, 0.6]
        #expect(solver.solve(&bent, target: Pose2D(x: 1.0, y: 1.2)).damping == 0)
    }

    @Test func jointLimitsAreRespectedAndReported() {
        let limits = [JointLimit(lower: -0.2, upper: 0.2), JointLimit(lower: -0.3, upper: 0.3)]
        let arm = makeArm([1.0, 1.0], limits: limits)
        let solver = makeSolver(arm: arm, task: .position, config: config())
        var q = [0.0, 0.1]
        let report = solver.solve(&q, target: Pose2D(x: 0.0, y: 1.5))   // reachable, but not within the limits
        #expect(report.status == .limited)
        #expect(limits[0].contains(q[0]) && limits[1].contains(q[1]))
        // The best the limits allow: both joints turned as far toward the target as they go.
        #expect(q == [0.2, 0.3])
    }

    @Test func poseTaskConvergesOnPositionAndOrientation() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .pose, config: config())
        var q = [0.2, 0.4, 0.3]
        let target = Pose2D(x: 1.1, y: 1.0, phi: 2.0)
        let report = solver.solve(&q, target: target)
        #expect(report.status == .converged)
        let tip = arm.tip(q)
        #expect(abs(tip.x - 1.1) < 1e-6 && abs(tip.y - 1.0) < 1e-6 && abs(Angle.wrapped(tip.phi - 2.0)) < 1e-6)
    }

    @Test func longChainsSolveWithoutNaN() {
        var rng = SplitMix64(seed: 5)
        let arm = makeArm((0..<200).map { _ in Double.random(in: 0.01...0.02, using: &rng) })
        let solver = makeSolver(arm: arm, task: .position, config: config(maxIterations: 50))
        var q = [Double](repeating: 0, count: 200)   // straight start
        for target in [Pose2D(x: 1.0, y: 1.0), Pose2D(x: 1.5, y: 0), Pose2D(x: 10, y: 0), Pose2D(x: 0, y: 0.5)] {
            let report = solver.solve(&q, target: target)
            #expect(q.allSatisfy { $0.isFinite })
            #expect(report.error.isFinite && report.sigmaMin.isFinite && report.manipulability.isFinite)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif
import AutoDiff

@Suite struct SaddleAtAnAngleTests {
    /// The saddle on a line that is not an axis: J has no exact zeros there, so detection must not rely on them.
    @Test(arguments: [0.7, -2.1, 2.9])
    func stretchedAtAngleWithInwardTargetEscapes(theta: Double) {
        let arm = makeArm([1.0, 0.8, 0.6])
        var q = [theta, 0, 0]
        let target = Pose2D(x: 1.1 * cos(theta), y: 1.1 * sin(theta))
        var config = SolverConfig()
        config.maxIterations = 200
        let report = makeSolver(arm: arm, task: .position, config: config).solve(&q, target: target)
        #expect(report.saddleEscapes >= 1)
        #expect(report.status == .converged)
    }
}

@Suite struct OvershootTests {
    /// Far from the target, clamped steps used to overshoot back and forth forever (a 2-cycle); the backtracking
    /// line search makes every accepted step decrease the error.
    @Test func targetAcrossTheHoleIsReached() {
        let arm = makeArm([1.0, 0.4])   // inner radius 0.6
        var q = [0.3007307650544318, 2.920337937750126]
        var config = SolverConfig()
        config.maxIterations = 500
        let report = makeSolver(arm: arm, task: .position, config: config).solve(&q, target: Pose2D(x: -0.6, y: 0))
        #expect(report.status == .converged)
        #expect(report.singularity == .interior)   // the only solution is fully folded
    }
}
