/// Runs a scenario: at t_k = k·dt (k = 0 … K) the target moves to path(t_k) and the IK solver moves the arm
/// after it, warm-started from the previous frame. A lazy sequence: frames are computed as they are asked for,
/// so a run of any length streams in constant memory.
///
/// One simulator feeds every sink; the window and `--headless` see the same frames. The frame's `q` array is
/// reused: a consumer that does not keep the previous frame lets the loop run without allocating.
public final class Simulator: Sequence, IteratorProtocol {
    public let scenario: Scenario
    public let solver: any IKSolver
    /// The frame and the frame counter live behind pointers, not in stored `var`s: the solve loop then pays
    /// no dynamic exclusivity check per frame, and a frame can be lent to a sink without copying it.
    private let frame: UnsafeMutablePointer<Frame>
    private let counter: UnsafeMutablePointer<Int>
    private var nextIndex: Int { counter.pointee }

    /// Measures L, ‖∇L‖ and the curvature class after every solve, when asked for.
    private let probe: CurvatureProbe?

    /// `curvature`: also fill each frame's `curvature` (an O(n²) Hessian and an O(n³) eigen-decomposition per
    /// frame, so only on request).
    public init(scenario: Scenario, curvature: Bool = false) {
        self.scenario = scenario
        solver = makeSolver(arm: scenario.arm, task: scenario.task, config: scenario.solver, rest: scenario.initial)
        frame = .allocate(capacity: 1)
        var start = SolveReport()
        start.status = .converged
        frame.initialize(to: Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0), q: scenario.initial, report: start))
        probe = curvature ? CurvatureProbe(arm: scenario.arm, task: scenario.task) : nil
        counter = .allocate(capacity: 1)
        counter.initialize(to: 0)
    }

    deinit {
        frame.deinitialize(count: 1); frame.deallocate()
        counter.deallocate()
    }

    /// K + 1.
    public var frameCount: Int { scenario.simulation.frameCount }
    /// The index of the frame the next call to `next()` produces.
    public var upcomingIndex: Int { nextIndex }
    public var isFinished: Bool { nextIndex >= frameCount }

    /// The next frame along the scenario's path, or nil after frame K.
    public func next() -> Frame? {
        guard !isFinished else { return nil }
        let t = scenario.simulation.time(ofFrame: nextIndex)
        return advance(to: scenario.path.target(at: t))
    }

    /// Computes the next frame along the path and lends it to `body` without copying it: the allocation-free
    /// path for sinks that do not keep frames. Returns false (without calling `body`) after frame K.
    @discardableResult
    public func advance<E: Error>(_ body: (borrowing Frame) throws(E) -> Void) throws(E) -> Bool {
        guard !isFinished else { return false }
        solveNext(target: scenario.path.target(at: scenario.simulation.time(ofFrame: nextIndex)))
        try body(frame.pointee)   // a borrow through the pointer: no copy, so `q` stays uniquely ours
        return true
    }

    /// The next frame with the target placed by hand (interactive dragging); time still advances by dt.
    public func next(target: Pose2D) -> Frame? {
        guard !isFinished else { return nil }
        return advance(to: target)
    }

    /// Back to frame 0 and the initial configuration.
    public func reset() {
        counter.pointee = 0
        for i in frame.pointee.q.indices { frame.pointee.q[i] = scenario.initial[i] }
    }

    private func advance(to target: Pose2D) -> Frame {
        solveNext(target: target)
        return frame.pointee
    }

    /// Solves frame `nextIndex` into `frame` in place (no allocation while nobody else holds `frame.q`).
    private func solveNext(target: Pose2D) {
        let k = nextIndex
        let report = frame.pointee.q.withUnsafeMutableBufferPointer { solver.solve($0, target: target) }
        frame.pointee.index = k
        frame.pointee.t = scenario.simulation.time(ofFrame: k)
        frame.pointee.target = target
        frame.pointee.report = report
        if let probe { frame.pointee.curvature = frame.pointee.q.withUnsafeMutableBufferPointer { probe.measure($0, target: target) } }
        counter.pointee = k + 1
    }
}
