import Testing
import Foundation
@testable import ArmKit
import AutoDiff

@Suite struct LandscapeTests {
    /// The grid's shortcut (two rotations of fixed partial chains) against L from a full FK at random points.
    @Test func gridMatchesFullObjective() {
        var rng = SplitMix64(seed: 15)
        for trial in 0..<40 {
            let n = Int.random(in: 2...9, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1, using: &rng) },
                              base: Point2D(x: 0.3, y: -0.2))
            let q = (0..<n).map { _ in Double.random(in: -.pi ... .pi, using: &rng) }
            let task: IKTask = trial % 2 == 0 ? .position : .pose
            let target = Pose2D(x: 0.5, y: 0.7, phi: 2.9)
            let i = Int.random(in: 0..<n, using: &rng)
            var j = Int.random(in: 0..<n, using: &rng)
            if j == i { j = (i + 1) % n }
            let slice = LossSlice(arm: arm, task: task, target: target, center: q, joints: (i, j))
            let grid = LossGrid(slice: slice, xJoint: i, yJoint: j, range: 2, resolution: 17)
            let objective = ErrorObjective(arm: arm, target: target, task: task, reference: q)
            for (column, row) in [(0, 0), (16, 3), (5, 11), (8, 8)] {
                var p = q
                p[i] += grid.offset(column); p[j] += grid.offset(row)
                let expected: Double = objective(p)
                #expect(abs(grid.values[row * 17 + column] - expected) <= 1e-12 * max(1, expected), "trial \(trial)")
            }
            #expect(grid.minimum == grid.values.min() && grid.maximum == grid.values.max())
        }
    }

    /// The stretched 3-link arm of issue 14: q = 0 with the target (1.5, 0) on its own line is a saddle.
    @Test func stretchedArmSaddleIsFoundAndClassified() {
        let arm = makeArm([1, 0.8, 0.6])
        let target = Pose2D(x: 1.5, y: 0)
        let joints = JointPairChoice.strongest(arm: arm, task: .position, q: [0, 0, 0], target: target)
        let slice = LossSlice(arm: arm, task: .position, target: target, center: [0, 0, 0], joints: joints)
        let points = CriticalPointSearch().run(slice: slice, xJoint: joints.0, yJoint: joints.1, range: .pi)
        let origin = points.first { abs($0.x) < 1e-9 && abs($0.y) < 1e-9 }
        #expect(origin?.kind == .saddle)
        #expect((origin?.eigenvalues.0 ?? 0) < 0 && (origin?.eigenvalues.1 ?? 0) > 0)
        // Every point is stationary, and the window holds at least one minimum (the target is reachable).
        for p in points { #expect(p.gradientNorm < 1e-9) }
        #expect(points.contains { $0.kind == .minimum && $0.loss < 1e-20 })
    }

    @Test func curvatureClassesOfTheEigenvalueSigns() {
        #expect(CriticalPointKind(eigenvalues: (1, 2)) == .minimum)
        #expect(CriticalPointKind(eigenvalues: (-1, 2)) == .saddle)
        #expect(CriticalPointKind(eigenvalues: (-1, -2)) == .maximum)
        #expect(CriticalPointKind(eigenvalues: (0, 2)) == .degenerate)
    }

    /// The landscape's kinds are CurvatureClass's classes renamed: the same rule decides both.
    @Test(arguments: [(1.0, 2.0), (-1, 2), (-1, -2), (0, 2), (-1, 0), (0, 0), (1e-13, 2e-13)])
    func criticalPointKindNamesTheCurvatureClass(a: Double, b: Double) {
        #expect(CriticalPointKind(eigenvalues: (a, b)) == CriticalPointKind(CurvatureClass.classify(eigenvalues: [a, b])))
    }

    @Test func workspaceMapIsTheSameWhateverTheWorkerCount() {
        var sampler = WorkspaceSampler(arm: makeArm([1, 0.8, 0.6, 0.3]))
        sampler.samples = 100_000
        sampler.resolution = 64
        for metric in WorkspaceMetric.allCases {
            sampler.metric = metric
            let one = sampler.run(workers: 1), three = sampler.run(workers: 3)
            #expect(one == three, "\(metric)")
            #expect(one.valueRange != nil)
        }
    }

    /// No tip lands beyond Σ L or inside the inner hole (longest link minus the others).
    @Test func workspaceMapIsEmptyOutsideTheAnnulus() {
        let arm = makeArm([1.5, 0.5, 0.3], base: Point2D(x: 1, y: -1))
        var sampler = WorkspaceSampler(arm: arm)
        sampler.samples = 200_000
        sampler.resolution = 96
        let map = sampler.run(workers: 2)
        let cell = 2 * map.halfWidth / Double(map.resolution)
        let slack = cell * 0.7072   // half a cell's diagonal
        var filled = 0
        for row in 0..<map.resolution {
            for column in 0..<map.resolution {
                let c = map.cellCenter(column: column, row: row)
                let r = ((c.x - 1) * (c.x - 1) + (c.y + 1) * (c.y + 1)).squareRoot()
                if r > arm.reach + slack || r < arm.innerRadius - slack { #expect(map.value(column: column, row: row) == nil) }
                if map.value(column: column, row: row) != nil { filled += 1 }
            }
        }
        #expect(arm.innerRadius > 0.6 && filled > 1000)
    }

    @Test func velocityEllipseAxesAreTheSingularValues() {
        let arm = makeArm([1, 0.8, 0.6])
        for q in [[0.3, -0.7, 1.1], [0.1, 0.2, 0.3], [0, 0, 0]] {
            let e = VelocityEllipse(arm: arm, q: q)
            let s = SingularityAnalysis(arm: arm, q: q)
            #expect(abs(e.major - s.singularValues.max) < 1e-9)
            #expect(abs(e.minor - s.sigmaMin) < 1e-7)
        }
    }

    @Test func dlsIteratesReachAReachableTarget() {
        let arm = makeArm([1, 0.8, 0.6])
        let target = Pose2D(x: 1.2, y: 0.9)
        let path = SolverIterates(method: .dls, arm: arm, task: .position, config: SolverConfig(),
                                  start: [0.3, 0.4, 0.2], target: target)
        #expect(path.points.count >= 3 && path.finalStatus == .converged)
        let tip = arm.tip(path.points.last!)
        #expect(abs(tip.x - 1.2) < 1e-5 && abs(tip.y - 0.9) < 1e-5)
    }
}
