import Testing
@testable import ArmKit

@Suite struct SimulatorTests {
    func scenario(duration: Double = 2.3, dt: Double = 0.01) throws -> Scenario {
        let arm = makeArm([1.0, 0.8, 0.6])
        let path = try CirclePath(center: Point2D(x: 1.2, y: 0.4), radius: 0.5, period: 4)
        return Scenario(name: "t", arm: arm, initial: [0.4, 0.6, 0.3], task: .position, path: path,
                        solver: SolverConfig(), simulation: SimulationConfig(dt: dt, duration: duration))
    }

    @Test func framesAreAtKTimesDtWithoutAccumulation() throws {
        let s = try scenario()
        let frames = Array(Simulator(scenario: s))
        #expect(frames.count == 231)   // 2.3 / 0.01 → K = 230, not 229
        for (k, frame) in frames.enumerated() {
            #expect(frame.index == k)
            #expect(frame.t == Double(k) * 0.01)
        }
    }

    @Test func reportedTipIsTheKinematicsOfTheReportedQ() throws {
        let s = try scenario()
        let simulator = Simulator(scenario: s)
        var checked = 0
        while simulator.advance({ frame in
            let tip = s.arm.tip(frame.q)
            #expect(abs(tip.x - frame.tip.x) < 1e-12 && abs(tip.y - frame.tip.y) < 1e-12)
            #expect(abs(Angle.wrapped(tip.phi - frame.tip.phi)) < 1e-12)
            let target = s.path.target(at: frame.t)
            #expect(frame.target == target)
            checked += 1
        }) {}
        #expect(checked == 231)
    }

    @Test func runsAreDeterministicAndResetStartsOver() throws {
        let s = try scenario(duration: 1)
        let first = Array(Simulator(scenario: s))
        let simulator = Simulator(scenario: s)
        let second = Array(simulator)
        #expect(first == second)
        simulator.reset()
        #expect(simulator.next() == first[0])
    }

    @Test func zeroDurationGivesOneFrame() throws {
        #expect(Array(Simulator(scenario: try scenario(duration: 0))).count == 1)
    }
}
