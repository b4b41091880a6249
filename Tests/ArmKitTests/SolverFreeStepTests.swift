import Foundation
import Testing
@testable import ArmKit

/// An arm with no joint limits and no secondary objective takes its DLS step in one pass over J (step, backup
/// and q together). These tests hold that pass to the general path (separate passes, active set), which an arm
/// with limits too wide to bind still takes.
@Suite struct SolverFreeStepTests {
    func config(maxStep: Double, maxIterations: Int = 50) -> SolverConfig {
        var c = SolverConfig()
        c.maxStep = maxStep; c.maxIterations = maxIterations
        return c
    }

    /// Limits no iteration can reach: the general path must then do exactly what the one-pass path does.
    static func wideLimits(_ n: Int) -> [JointLimit] { Array(repeating: JointLimit(lower: -ModelBounds.maxAngle, upper: ModelBounds.maxAngle), count: n) }

    @Test(arguments: [0.02, 0.3, 1e9])
    func onePassMatchesTheGeneralPathBitForBit(maxStep: Double) {
        var rng = SplitMix64(seed: 0x5eed_f5ee)
        for trial in 0..<60 {
            let n = 2 + trial % 6
            let links = (0..<n).map { _ in 0.2 + Double.random(in: 0..<1, using: &rng) }
            let free = makeSolver(arm: makeArm(links), task: .position, config: config(maxStep: maxStep))
            let general = makeSolver(arm: makeArm(links, limits: Self.wideLimits(n)), task: .position,
                                     config: config(maxStep: maxStep))
            let reach = links.reduce(0, +)
            // Near, far and unreachable targets; some start from a stretched (singular) pose.
            let radius = reach * (0.1 + 1.3 * Double.random(in: 0..<1, using: &rng))
            let angle = 2 * Double.pi * Double.random(in: 0..<1, using: &rng)
            let target = Pose2D(x: radius * cos(angle), y: radius * sin(angle))
            let start = trial % 5 == 0 ? [Double](repeating: 0, count: n) : (0..<n).map { _ in 4 * Double.random(in: 0..<1, using: &rng) - 2 }
            var qFree = start, qGeneral = start
            let a = free.solve(&qFree, target: target)
            let b = general.solve(&qGeneral, target: target)
            #expect(qFree == qGeneral, "trial \(trial)")
            #expect(a.iterations == b.iterations && a.error == b.error && a.largestStep == b.largestStep, "trial \(trial)")
        }
    }

    @Test func aLongStepIsClampedToMaxStepAlongTheDLSDirection() {
        let arm = makeArm([1.0, 0.8, 0.6, 0.4])
        let start = [0.4, 0.7, -0.5, 0.9]
        let target = Pose2D(x: -1.9, y: -1.2)   // far: the raw DLS step is much longer than 0.05
        var clamped = start, raw = start
        _ = makeSolver(arm: arm, task: .position, config: config(maxStep: 0.05, maxIterations: 1)).solve(&clamped, target: target)
        _ = makeSolver(arm: arm, task: .position, config: config(maxStep: 1e9, maxIterations: 1)).solve(&raw, target: target)
        let small = zip(clamped, start).map { $0 - $1 }, large = zip(raw, start).map { $0 - $1 }
        let smallNorm = small.map { $0 * $0 }.reduce(0, +).squareRoot()
        let largeNorm = large.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(largeNorm > 0.2)
        #expect(abs(smallNorm - 0.05) < 1e-12)
        for i in 0..<4 { #expect(abs(small[i] / smallNorm - large[i] / largeNorm) < 1e-9) }
    }
}
