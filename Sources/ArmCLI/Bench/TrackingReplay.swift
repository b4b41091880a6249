import ArmKit

/// The solver's share of a tracking run: the scenario's targets are computed once up front, then each call
/// solves the next frame in order, warm-started from the previous one, with the solver the simulator would
/// build (`makeSolver`, the same existential call). After the last frame the arm returns to its initial pose,
/// as `Simulator.reset()` does. Timing this against `tracking_frame` separates solver time from the
/// simulator's own work (the path, the frame record).
final class TrackingReplay {
    private let solver: any IKSolver
    private let targets: [Pose2D]
    private let initial: [Double]
    private let q: UnsafeMutableBufferPointer<Double>
    private var next = 0

    init(scenario: Scenario) {
        solver = makeSolver(arm: scenario.arm, task: scenario.task, config: scenario.solver, rest: scenario.initial)
        let simulation = scenario.simulation
        targets = (0..<simulation.frameCount).map { scenario.path.target(at: simulation.time(ofFrame: $0)) }
        initial = scenario.initial
        q = .allocate(capacity: initial.count)
        _ = q.initialize(from: initial)
    }

    deinit { q.deallocate() }

    /// Solves `count` frames; returns a value folded from every report.
    func solveFrames(_ count: Int) -> Double {
        var acc = 0.0
        for _ in 0..<count {
            if next == targets.count {
                next = 0
                for i in 0..<q.count { q[i] = initial[i] }
            }
            let report = solver.solve(q, target: targets[next])
            acc += report.error + Double(report.iterations)
            next += 1
        }
        return acc
    }
}
