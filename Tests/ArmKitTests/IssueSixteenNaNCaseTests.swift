import Testing
@testable import ArmKit

/// Issue 16's scenarios that validated and then produced NaN on every row: each is now refused by the model's
/// own rules, and the same scenario at the bound runs with finite frames.
@Suite struct IssueSixteenNaNCaseTests {
    static let links = [1.0, 0.8, 0.6, 0.5, 0.4]

    static func run(_ scenario: Scenario) -> [Frame] {
        Array(Simulator(scenario: scenario))
    }

    static func scenario(arm: PlanarArm, initial: [Double], solver: SolverConfig = SolverConfig(),
                         task: IKTask = .position, orientation: Double = 0) throws -> Scenario {
        let path = try CirclePath(center: Point2D(x: 1.2, y: 0.4), radius: 0.5, period: 4, orientation: orientation)
        return Scenario(name: "nan", arm: arm, initial: initial, task: task, path: path, solver: solver,
                        simulation: SimulationConfig(dt: 0.05, duration: 1))
    }

    static func expectFinite(_ frames: [Frame], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(frames.count == 21, sourceLocation: sourceLocation)
        for frame in frames {
            if let bad = nonFinite(frame) { Issue.record("frame \(frame.index): \(bad)", sourceLocation: sourceLocation); return }
        }
    }

    @Test func hugeInitialAnglesAreRefusedAndTheBoundRuns() throws {
        #expect(Scenario.initialProblems([1e308, 1e308, 1e308], jointCount: 3, limits: nil).map(\.description) == [
            "initial[0]: must be within ±1000 rad, got 1e+308", "initial[1]: must be within ±1000 rad, got 1e+308",
            "initial[2]: must be within ±1000 rad, got 1e+308",
        ])
        let arm = makeArm(Array(Self.links.prefix(3)))
        let frames = Self.run(try Self.scenario(arm: arm, initial: [1000, -1000, 1000]))
        Self.expectFinite(frames)
        #expect(frames.last!.error < 1e-3)   // and it still tracks the circle
    }

    @Test func hugeLimitWithTheLimitsObjectiveIsRefusedAndTheBoundRuns() throws {
        let wide = [JointLimit(lower: -1e308, upper: 1)] + Array(repeating: JointLimit(lower: -3, upper: 3), count: 4)
        #expect(PlanarArm.problems(links: Self.links, base: nil, limits: wide).map(\.description)
                == ["limits[0]: must be within ±1000 rad, got [-1e+308, 1]"])
        var solver = SolverConfig()
        solver.nullSpace = .limits
        solver.nullSpaceGain = SolverConfig.Bounds.maxNullSpaceGain
        let bounded = [JointLimit(lower: -1000, upper: 1)] + Array(repeating: JointLimit(lower: -3, upper: 3), count: 4)
        let arm = makeArm(Self.links, limits: bounded)
        Self.expectFinite(Self.run(try Self.scenario(arm: arm, initial: [0.3, 0.3, 0.3, 0.3, 0.3], solver: solver)))
    }

    @Test func hugeRestGainIsRefusedAndTheBoundRuns() throws {
        var solver = SolverConfig()
        solver.nullSpace = .rest
        solver.nullSpaceGain = 1e155
        #expect(solver.problems().map(\.description) == ["nullSpaceGain: must be <= 1, got 1e+155"])
        solver.nullSpaceGain = SolverConfig.Bounds.maxNullSpaceGain
        let frames = Self.run(try Self.scenario(arm: makeArm(Self.links), initial: [0.3, 0.3, 0.3, 0.3, 0.3], solver: solver))
        Self.expectFinite(frames)
        #expect(frames.last!.error < 1e-3)
    }

    @Test func tinyLinksAreRefusedAndTheBoundReportsARealError() throws {
        #expect(PlanarArm.problems(links: [1e-300, 1e-300], base: nil, limits: nil).map(\.description)
                == ["links[0]: must be >= 1e-6 m, got 1e-300", "links[1]: must be >= 1e-6 m, got 1e-300"])
        // The shortest arm allowed, its target about 1.3 m away: the error is that distance, not 0 by underflow.
        let arm = makeArm([1e-6, 1e-6])
        let frames = Self.run(try Self.scenario(arm: arm, initial: [0, 0]))
        Self.expectFinite(frames)
        #expect(frames.allSatisfy { $0.error > 0.5 && $0.status == .unreachable })
    }

    @Test func hugeOrientationIsRefusedAndTheBoundConverges() throws {
        #expect(throws: PathError.self) { try CirclePath(center: .origin, radius: 1, period: 1, orientation: 1e12) }
        let frames = Self.run(try Self.scenario(arm: makeArm(Array(Self.links.prefix(3))), initial: [0.3, 0.3, 0.3],
                                                task: .pose, orientation: 1000))
        Self.expectFinite(frames)
        #expect(frames.dropFirst(5).allSatisfy { $0.status == .converged }, "\(frames.map(\.status))")
    }

    @Test func manipulabilityObjectiveOnTheLongestArmRunsFinitely() throws {
        var solver = SolverConfig()
        solver.nullSpace = .manipulability
        solver.nullSpaceGain = SolverConfig.Bounds.maxNullSpaceGain
        solver.maxIterations = 3
        let n = PlanarArm.maxLinks
        let arm = makeArm([Double](repeating: 2.4 / Double(n), count: n))
        let scenario = Scenario(name: "long", arm: arm, initial: (0..<n).map { _ in 0.002 }, task: .position,
                                path: try CirclePath(center: Point2D(x: 1.2, y: 0.4), radius: 0.5, period: 4),
                                solver: solver, simulation: SimulationConfig(dt: 0.1, duration: 0.2))
        let frames = Self.run(scenario)
        #expect(frames.count == 3)
        for frame in frames { #expect(nonFinite(frame) == nil) }
    }

    @Test func theDetectorNamesANonFiniteField() {
        var frame = Frame(index: 3, t: 0.3, target: Pose2D(x: 0, y: 0), q: [0, .nan], tip: Pose2D(x: 0, y: 0), error: 0,
                          sigmaMin: 0, manipulability: 0, damping: 0, iterations: 1, singular: false,
                          singularity: .none, status: .converged)
        #expect(nonFinite(frame) == "q[1] = nan")
        frame.q = [0, 0]; frame.manipulability = .infinity
        #expect(nonFinite(frame) == "manipulability = inf")
    }
}
