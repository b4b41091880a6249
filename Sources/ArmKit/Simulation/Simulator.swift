/// Runs a scenario: at t_k = k·dt (k = 0 … K) the target moves to path(t_k) and the IK solver moves the arm
/// after it, warm-started from the previous frame. A lazy sequence: frames are computed as they are asked for,
/// so a run of any length streams in constant memory.
///
/// One simulator feeds every sink; the window and `--headless` see the same frames. The frame's `q` array is
/// reused: a consumer that does not keep the previous frame lets the loop run without allocating.
public final class Simulator: Sequence, IteratorProtocol {
    public let scenario: Scenario
    public let solver: any IKSolver
    private var frame: Frame
    private var nextIndex = 0

    public init(scenario: Scenario) {
        self.scenario = scenario
        solver = makeSolver(arm: scenario.arm, task: scenario.task, config: scenario.solver, rest: scenario.initial)
        frame = Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0), q: scenario.initial, tip: Pose2D(x: 0, y: 0),
                      error: 0, sigmaMin: 0, manipulability: 0, damping: 0, iterations: 0, singular: false,
                      singularity: .none, status: .converged)
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
        // Lending a class's stored property would make Swift copy it (and so share `q`, forcing the next solve
        // to copy the array). Move the frame out into a local for the call, then move it back.
        var lent = Frame.empty
        swap(&lent, &frame)
        defer { swap(&lent, &frame) }
        try body(lent)
        return true
    }

    /// The next frame with the target placed by hand (interactive dragging); time still advances by dt.
    public func next(target: Pose2D) -> Frame? {
        guard !isFinished else { return nil }
        return advance(to: target)
    }

    /// Back to frame 0 and the initial configuration.
    public func reset() {
        nextIndex = 0
        for i in frame.q.indices { frame.q[i] = scenario.initial[i] }
    }

    private func advance(to target: Pose2D) -> Frame {
        solveNext(target: target)
        return frame
    }

    /// Solves frame `nextIndex` into `frame` in place (no allocation while nobody else holds `frame.q`).
    private func solveNext(target: Pose2D) {
        let k = nextIndex
        let report = frame.q.withUnsafeMutableBufferPointer { solver.solve($0, target: target) }
        frame.index = k
        frame.t = scenario.simulation.time(ofFrame: k)
        frame.target = target
        frame.tip = report.tip
        frame.error = report.error
        frame.sigmaMin = report.sigmaMin
        frame.manipulability = report.manipulability
        frame.damping = report.damping
        frame.iterations = report.iterations
        frame.singular = report.singular
        frame.singularity = report.singularity
        frame.status = report.status
        nextIndex += 1
    }
}
