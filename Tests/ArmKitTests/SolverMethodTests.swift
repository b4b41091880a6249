import Foundation
import Testing
@testable import ArmKit

/// The step rules beyond DLS and the pseudo-inverse: `lm`, `newton`, `gradient`.
@Suite struct SolverMethodTests {
    static let newMethods: [SolverMethod] = [.lm, .newton, .gradient]

    func config(_ method: SolverMethod, maxIterations: Int = 50) -> SolverConfig {
        var c = SolverConfig()
        c.method = method; c.maxIterations = maxIterations
        return c
    }

    /// The stretched 3-link arm aimed inward along its own line: ∇L = 0 and H indefinite.
    @Test func newtonLeavesTheSaddleByItself() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let solver = makeSolver(arm: arm, task: .position, config: config(.newton))
        var q = [0.0, 0.0, 0.0]
        var escapes = 0
        let report = solver.solve(&q, target: Pose2D(x: 1.5, y: 0)) { if $0.saddleEscape { escapes += 1 } }
        #expect(report.status == .converged, "\(report)")
        #expect(report.saddleEscapes >= 1 && escapes == report.saddleEscapes)
    }

    @Test(arguments: SolverMethod.allCases)
    func everyMethodConvergesFromTheSaddleStart(method: SolverMethod) {
        let solver = makeSolver(arm: makeArm([1.0, 0.8, 0.6]), task: .position, config: config(method, maxIterations: 2000))
        var q = [0.0, 0.0, 0.0]
        let report = solver.solve(&q, target: Pose2D(x: 1.5, y: 0))
        if method == .pinv { #expect(report.status == .failed) } else { #expect(report.status == .converged, "\(report)") }
    }

    static let canyonTarget = Pose2D(x: 2.395 * cos(0.3), y: 2.395 * sin(0.3))

    /// A nearly stretched arm: J is ill-conditioned, and steepest descent zigzags down the canyon.
    @Test func gradientNeedsTenTimesTheIterationsOfNewtonAndLM() {
        let arm = makeArm([1.0, 0.8, 0.6])
        var counts: [SolverMethod: Int] = [:]
        for method in [SolverMethod.gradient, .newton, .lm] {
            let solver = makeSolver(arm: arm, task: .position, config: config(method, maxIterations: 100_000))
            var q = [0.05, 0.05, 0.05]
            let report = solver.solve(&q, target: Self.canyonTarget)
            #expect(report.status == .converged, "\(method): \(report)")
            counts[method] = report.iterations
        }
        print("canyon iterations:", counts)
        #expect(counts[.gradient]! >= 10 * counts[.newton]!)
        #expect(counts[.gradient]! >= 10 * counts[.lm]!)
    }

    @Test(arguments: newMethods)
    func unreachableIsNeverConvergedAndEverythingStaysFinite(method: SolverMethod) {
        let arm = makeArm([1.0, 0.8, 0.6], limits: [JointLimit(lower: -2, upper: 2), JointLimit(lower: -2.5, upper: 2.5),
                                                    JointLimit(lower: -2.5, upper: 2.5)])
        let solver = makeSolver(arm: arm, task: .position, config: config(method))
        var q = [0.3, 0.2, 0.1]
        var rng = SplitMix64(seed: 7)
        for k in 0..<300 {
            let target = Pose2D(x: Double.random(in: -3.5...3.5, using: &rng), y: Double.random(in: -3.5...3.5, using: &rng))
            let report = solver.solve(&q, target: target)
            #expect(q.allSatisfy(\.isFinite) && report.error.isFinite, "\(method) frame \(k)")
            #expect(report.largestStep <= 0.3 + 1e-12)
            for i in 0..<3 { #expect(q[i] >= arm.limits![i].lower && q[i] <= arm.limits![i].upper) }
            if !arm.canReach(target.point, slack: 1e-6) { #expect(report.status != .converged) }
        }
    }

    @Test(arguments: SolverMethod.allCases)
    func aTraceRecordsEveryIteration(method: SolverMethod) {
        let solver = makeSolver(arm: makeArm([1.0, 0.8, 0.6, 0.4]), task: .pose, config: config(method, maxIterations: 500))
        var q = [0.3, 0.2, 0.1, 0.4]
        var trace: [SolveIteration] = []
        let report = solver.solve(&q, target: Pose2D(x: 1.2, y: 1.1, phi: 1.0)) { trace.append($0) }
        #expect(trace.count == report.iterations)
        #expect(trace.map(\.k) == Array(1...max(1, report.iterations)).prefix(trace.count).map { $0 })
        for (a, b) in zip(trace, trace.dropFirst()) { #expect(b.loss <= a.loss + 1e-15) }
        // A traced solve is the same solve.
        var q2 = [0.3, 0.2, 0.1, 0.4]
        let plain = makeSolver(arm: makeArm([1.0, 0.8, 0.6, 0.4]), task: .pose, config: config(method, maxIterations: 500))
        #expect(plain.solve(&q2, target: Pose2D(x: 1.2, y: 1.1, phi: 1.0)) == report && q2 == q)
    }
}
