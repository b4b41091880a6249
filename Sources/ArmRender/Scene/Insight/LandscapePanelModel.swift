import ArmKit

/// The data behind the window's loss-landscape panel (key G): L(q_i, q_j) = ½‖e‖² on a small grid over two
/// joints, ±π around q, and its critical points. The joint pair is chosen once (by `JointPairChoice`) when the
/// panel opens and kept until `rechoose()`; the grid is recomputed only when the target, a held joint or the
/// panel's centre moves by more than a threshold, so most frames reuse it (and the texture made from it).
struct LandscapePanelModel {
    /// Grid points each way: enough for a panel a couple of hundred pixels wide.
    static let resolution = 64
    static let range = Double.pi
    /// A held joint turning by more than this (radians) recomputes the grid.
    static let heldJointThreshold = 0.05
    /// The target moving by more than this fraction of the arm's reach (metres) recomputes the grid.
    static let targetThreshold = 0.02
    /// (q_i, q_j) moving further than this from the grid's centre re-centres it (radians).
    static let centerThreshold = 0.75

    /// The joints on the panel's x and y axes (x < y), nil until the panel first draws.
    private(set) var pair: (x: Int, y: Int)?
    private(set) var grid: LossGrid?
    private(set) var criticalPoints: [CriticalPoint] = []
    /// Bumped on every recomputation: the renderer re-uploads its texture when this changes.
    private(set) var generation = 0
    /// The target and configuration the grid was computed for.
    private var basis: (target: Pose2D, q: [Double])?
    /// The window searches for critical points in the background (they may lag the grid by a frame or two);
    /// offscreen pictures search at once, so a picture is the same every time.
    var searchesInBackground = false
    private var worker: CriticalPointWorker?

    /// Forget the pair (the panel closed, or the user asked for a new choice): the next update chooses again.
    mutating func rechoose() {
        pair = nil
        basis = nil
        grid = nil
        criticalPoints = []
    }

    /// Brings the grid up to date with `frame`; true when it was recomputed.
    @discardableResult
    mutating func update(scenario: Scenario, frame: Frame) -> Bool {
        let arm = scenario.arm
        guard arm.jointCount >= 2, frame.q.allSatisfy(\.isFinite) else { return false }
        if pair == nil {
            let (a, b) = JointPairChoice.strongest(arm: arm, task: scenario.task, q: frame.q, target: frame.target)
            pair = (a, b)
        }
        if !searchesInBackground { worker?.drain() }   // paused or offscreen: no frame would show a late result
        if let result = worker?.take(), result.pair == CriticalPointWorker.Pair(x: pair?.x ?? -1, y: pair?.y ?? -1) {
            criticalPoints = result.points
        }
        guard let pair, needsRecompute(arm: arm, task: scenario.task, frame: frame, pair: pair) else { return false }
        let slice = LossSlice(arm: arm, task: scenario.task, target: frame.target, center: frame.q,
                              joints: (pair.x, pair.y))
        let newGrid = LossGrid(slice: slice, xJoint: pair.x, yJoint: pair.y, range: Self.range,
                               resolution: Self.resolution)
        guard newGrid.minimum.isFinite, newGrid.maximum.isFinite else { return false }
        grid = newGrid
        if searchesInBackground {
            if worker == nil { worker = CriticalPointWorker() }
            worker?.submit(.init(id: generation, slice: slice, pair: .init(x: pair.x, y: pair.y), range: Self.range))
        } else {
            criticalPoints = Self.search.run(slice: slice, xJoint: pair.x, yJoint: pair.y, range: Self.range)
        }
        basis = (frame.target, frame.q)
        generation &+= 1
        return true
    }

    /// A lighter search than the `landscape` picture's (8×8 seeds, 30 Newton steps): it runs while the window
    /// plays, and the panel's markers are 10 px wide.
    static let search: CriticalPointSearch = {
        var s = CriticalPointSearch()
        s.seedsPerAxis = 8
        s.maxIterations = 30
        return s
    }()

    private func needsRecompute(arm: PlanarArm, task: IKTask, frame: Frame, pair: (x: Int, y: Int)) -> Bool {
        guard let basis, grid != nil else { return true }
        let dx = frame.target.x - basis.target.x, dy = frame.target.y - basis.target.y
        if (dx * dx + dy * dy).squareRoot() > Self.targetThreshold * max(arm.reach, .leastNormalMagnitude) {
            return true
        }
        if task == .pose, abs(Angle.wrapped(frame.target.phi - basis.target.phi)) > Self.heldJointThreshold {
            return true
        }
        for k in frame.q.indices {
            let moved = abs(Angle.wrapped(frame.q[k] - basis.q[k]))
            let limit = (k == pair.x || k == pair.y) ? Self.centerThreshold : Self.heldJointThreshold
            if moved > limit { return true }
        }
        return false
    }

    /// Where (q_x, q_y) is drawn: wrapped into the grid's window for the position task, whose L has period 2π
    /// in each joint; clamped to it otherwise.
    func displayed(_ q: [Double], task: IKTask) -> (x: Double, y: Double)? {
        guard let grid, let pair else { return nil }
        let cx = grid.slice.center[pair.x], cy = grid.slice.center[pair.y]
        if task == .position {
            return (cx + Angle.wrapped(q[pair.x] - cx), cy + Angle.wrapped(q[pair.y] - cy))
        }
        let r = grid.range
        return (min(max(q[pair.x], cx - r), cx + r), min(max(q[pair.y], cy - r), cy + r))
    }
}
