import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Playback: stepping the simulator (or replaying the history after a step back), looping, restarting, and
/// the interactive solves after the end of the run.
extension WindowSession {
    /// Steps the simulator as far as the owed simulated time allows, within the catch-up budget.
    /// Returns the number of frames produced.
    func advance(wallDt: Double, deadline: Double, clock: () -> Double) -> Int {
        let dt = scenario.simulation.dt
        var steps = 0
        while stepsRequested > 0 {
            stepsRequested -= 1
            if step() { steps += 1 }
        }
        if status.jointMode { owed = 0; return steps }
        if simulator.isFinished && status.historyOffset == 0 && !status.looping {
            // After the end a drag still moves the arm: interactive solves from the frame on screen.
            if dragTarget != nil && dragMoved { solveInteractively(); steps += 1 }
            dragMoved = false
            owed = 0
            return steps
        }
        if status.paused {
            owed = 0
            // Dragging while paused: one step per mouse move, so the arm still follows the hand.
            if dragTarget != nil && dragMoved && step() { steps += 1 }
            dragMoved = false
            return steps
        }
        owed += wallDt * status.speed
        while owed >= dt {
            guard step() else { owed = 0; break }
            steps += 1
            owed -= dt
            if steps % 16 == 0 && clock() > deadline {
                owed = min(owed, dt)
                break
            }
        }
        dragMoved = false
        return steps
    }

    /// One frame forward: from the history after a step back, else from the simulator (along the path, or to
    /// the dragged target). At the end it loops when asked. False when there is nothing further.
    @discardableResult
    func step() -> Bool {
        if status.historyOffset > 0 {
            status.historyOffset -= 1
            showHistoryFrame()
            return true
        }
        if simulator.isFinished {
            guard status.looping else { status.finished = true; return false }
            restart()
            return true
        }
        previousQ = frame.q
        let next = dragTarget.map { simulator.next(target: Pose2D(x: $0.x, y: $0.y)) } ?? simulator.next()
        guard let next else { status.finished = true; return false }
        frame = next
        record(frame)
        status.finished = simulator.isFinished && !status.looping
        dirty = true
        return true
    }

    /// Keeps a new frame: trail, history, charts, and whether its solve escaped a saddle (re-solved by the
    /// probe from the same q and target: a solve depends on those alone, so the report is the frame's own).
    func record(_ f: Frame) {
        trail.append(f.tip.point, t: f.t)
        history.append(f)
        signals.append(f)
        scene.signals = signals
        var q = previousQ
        if probe.solve(&q, target: f.target).saddleEscapes > 0 { saddleFlashUntil = clock() + Self.saddleFlashSeconds }
    }

    /// ←: one frame back through the history (pauses).
    func stepBack() {
        if status.jointMode { toggleJointMode() }
        status.paused = true
        guard status.historyOffset + 1 < history.count else { return }
        status.historyOffset += 1
        showHistoryFrame()
    }

    /// Shows the history frame at the current offset, with the trail and charts as they were then.
    func showHistoryFrame() {
        guard let f = history.frame(back: status.historyOffset) else { return }
        frame = f
        trail.clear()
        signals.clear()
        for old in history.frames(upTo: status.historyOffset) {
            trail.append(old.tip.point, t: old.t)
            signals.append(old)
        }
        scene.signals = signals
        status.finished = status.historyOffset == 0 && simulator.isFinished && !status.looping
        dirty = true
    }

    /// R (and the loop): frame 0 again, back on the recorded run.
    func restart() {
        simulator.reset()
        trail.clear()
        history.clear()
        signals.clear()
        owed = 0
        offTrajectory = false
        status.historyOffset = 0
        status.jointMode = false
        status.grabbedJoint = nil
        frameBeforeJointMode = nil
        previousQ = scenario.initial
        if let f = simulator.next() {
            frame = f
            record(frame)
        }
        status.finished = simulator.isFinished && !status.looping
        dirty = true
    }

    /// After the end: the probe solves from the frame on screen to the dragged target (time stands still).
    func solveInteractively() {
        guard let target = dragTarget else { return }
        var q = frame.q
        let aim = Pose2D(x: target.x, y: target.y, phi: frame.target.phi)
        let report = probe.solve(&q, target: aim)
        frame = Frame(index: frame.index, t: frame.t, target: aim, q: q, tip: report.tip, error: report.error,
                      sigmaMin: report.sigmaMin, manipulability: report.manipulability, damping: report.damping,
                      iterations: report.iterations, singular: report.singular, singularity: report.singularity,
                      status: report.status)
        if report.saddleEscapes > 0 { saddleFlashUntil = clock() + Self.saddleFlashSeconds }
        offTrajectory = true
        dirty = true
    }

    /// The per-draw parts of the status: the flash, the off-trajectory and joint-mode notes.
    func refreshOverlays(now: Double) {
        status.saddleFlash = now < saddleFlashUntil
        var notes: [(String, RGBA)] = []
        if status.jointMode { notes.append(("joint mode: drag a link · J leaves", Palette.targetDragged)) }
        if offTrajectory { notes.append(("off the recorded run · R restarts", Palette.targetDragged)) }
        if status.historyOffset > 0 { notes.append(("stepped back \(status.historyOffset) · → or Space", Palette.paused)) }
        status.notes = notes
    }
}
