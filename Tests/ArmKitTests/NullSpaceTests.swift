import Testing
@testable import ArmKit

/// Secondary objectives of a redundant arm act only in the null space: the tip still converges, and the
/// configuration moves the way the objective asks.
@Suite struct NullSpaceTests {
    let arm = makeArm([0.5, 0.5, 0.5, 0.5, 0.5])
    let target = Pose2D(x: 1.2, y: 0.9)

    func solve(_ objective: NullSpaceObjective, from start: [Double], limits: Bool = false, gain: Double = 0.2) -> ([Double], SolveReport) {
        var config = SolverConfig()
        config.nullSpace = objective
        config.nullSpaceGain = gain
        config.maxIterations = 300
        config.tolerance = 1e-9
        let rest = [Double](repeating: 0.3, count: 5)
        let model = limits ? makeArm(arm.links, limits: Array(repeating: JointLimit(lower: -1.5, upper: 1.5), count: 5)) : arm
        let solver = JacobianIKSolver(arm: model, task: .position, config: config, rest: rest)
        var q = start
        // Several solves, as consecutive frames with a still target would do.
        var report = SolveReport()
        for _ in 0..<20 { report = solver.solve(&q, target: target) }
        return (q, report)
    }

    func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
    }

    @Test func restObjectivePullsTowardRestAndStillConverges() {
        let start = [1.0, -0.5, 0.8, -0.2, 0.4]
        let (plain, plainReport) = solve(.none, from: start)
        let (rested, restReport) = solve(.rest, from: start)
        #expect(plainReport.status == .converged && restReport.status == .converged)
        let rest = [Double](repeating: 0.3, count: 5)
        #expect(distance(rested, rest) < distance(plain, rest))
    }

    @Test func manipulabilityObjectiveRaisesManipulability() {
        let start = [0.1, 0.05, 0.05, 0.05, 1.2]   // a nearly stretched, poorly conditioned start
        let (_, plain) = solve(.none, from: start)
        let (_, climbed) = solve(.manipulability, from: start)
        #expect(plain.status == .converged && climbed.status == .converged)
        #expect(climbed.manipulability > plain.manipulability)
    }

    @Test(arguments: [[1.3, 0.4, 1.2, -0.2, 0.9], [0.2, 1.4, -0.3, 1.3, 0.5]])
    func limitsObjectiveMovesAwayFromLimits(start: [Double]) {
        let (plain, plainReport) = solve(.none, from: start, limits: true)
        let (centred, report) = solve(.limits, from: start, limits: true, gain: 0.5)
        #expect(plainReport.status == .converged && report.status == .converged)
        // The smallest margin to a limit (±1.5) grows.
        func margin(_ q: [Double]) -> Double { q.map { 1.5 - abs($0) }.min()! }
        #expect(margin(centred) > margin(plain), "plain \(plain) centred \(centred)")
    }

    @Test func manipulabilityGradientMatchesFiniteDifferences() {
        let q = [0.3, -0.4, 0.8, 0.2, -0.6]
        let g = ManipulabilityGradient.compute(arm: arm, q: q, task: .position)
        let h = 1e-6
        for k in 0..<5 {
            var plus = q, minus = q
            plus[k] += h; minus[k] -= h
            let fd = (SingularityAnalysis(arm: arm, q: plus).manipulability - SingularityAnalysis(arm: arm, q: minus).manipulability) / (2 * h)
            #expect(abs(g[k] - fd) < 1e-6)
        }
    }
}
