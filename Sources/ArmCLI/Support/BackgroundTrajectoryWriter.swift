import ArmIO
import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Formats and writes the trajectory on a second thread while the caller solves the next frames: formatting
/// (shortest round-trip text for every number) costs about as much as the solve, so on two cores a headless
/// run takes about the time of the larger of the two. Frames are copied into batches allocated once (no
/// allocation per frame) and written in order, so the bytes are those of `TrajectoryWriter` alone.
///
/// A write error (a closed pipe, a full disk) stops the formatting; the caller gets it at its next hand-over
/// or at `finish()`, as it would from the writer itself, a batch or two later.
final class BackgroundTrajectoryWriter: @unchecked Sendable {
    private let writer: TrajectoryWriter
    private let gate = ThreadGate()
    /// Frames per batch; three batches: one filling, one formatting, one spare.
    private let batchSize: Int
    /// Three batches of `batchSize` frames, and each batch's frame count. Raw storage: the two threads touch
    /// different batches, and a Swift array shared between them would be a data race on its buffer.
    private let frames: UnsafeMutablePointer<Frame>
    private let counts: UnsafeMutablePointer<Int>
    /// Batch indices, guarded by `gate`.
    private var free: [Int]
    private var ready: [Int] = []
    private var closed = false
    private var failure: (any Error)?
    private var thread: WorkerThread?
    /// The batch the caller is filling, and how far.
    private var filling: Int
    private var filled = 0

    init(writer: TrajectoryWriter, jointCount: Int, batchSize: Int = 128) {
        self.writer = writer
        self.batchSize = batchSize
        frames = .allocate(capacity: 3 * batchSize)
        // Each frame gets its own q storage, so `assign(from:)` copies in place and never allocates.
        for i in 0..<3 * batchSize {
            (frames + i).initialize(to: Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0),
                                              q: [Double](repeating: 0, count: jointCount), report: SolveReport()))
        }
        counts = .allocate(capacity: 3)
        counts.initialize(repeating: 0, count: 3)
        filling = 0
        free = [1, 2]
        thread = WorkerThread.start { [self] in drainLoop() }
    }

    deinit {
        frames.deinitialize(count: 3 * batchSize)
        frames.deallocate()
        counts.deallocate()
    }

    /// Whether a second thread pays: it needs a second core, and a run long enough to amortise starting it
    /// (at 1,000 frames it is a wash, from a few thousand on a gain; docs/performance.md).
    /// `ARMSIM_WRITER_THREAD=0` or `=1` decides instead (tests compare the two; a diagnostic switch like
    /// `ARMSIM_RENDERER`).
    static func worthwhile(frames: Int) -> Bool {
        if let raw = getenv("ARMSIM_WRITER_THREAD"), raw.pointee != 0 { return String(cString: raw) != "0" }
        return BatchWorkers.coreCount > 1 && frames >= minimumFrames
    }

    static let minimumFrames = 2_048

    func write(_ frame: borrowing Frame) throws {
        slot(filling, filled).pointee.assign(from: frame)
        filled += 1
        if filled == batchSize { try handOver() }
    }

    /// Hands over what is left, waits for the thread to write it all, then flushes the writer.
    func finish() throws {
        if filled > 0 { try handOver() }
        stopThread()
        if let failure { throw failure }
        try writer.finish()
    }

    /// Writes what was handed over and flushes, ignoring write errors: the error path, before the run's own
    /// error is reported (the rows before a non-finite frame still reach stdout).
    func drain() {
        if filled > 0 { try? handOver() }
        stopThread()
        if failure == nil { try? writer.finish() }
    }

    private func handOver() throws {
        guard thread != nil else {
            // No thread could be had (a process limit): write here.
            for i in 0..<filled { try writer.write(slot(filling, i).pointee) }
            filled = 0
            return
        }
        counts[filling] = filled
        let next: Int = gate.locked {
            ready.append(filling)
            gate.signal()
            while free.isEmpty && failure == nil { gate.wait() }
            return free.isEmpty ? filling : free.removeFirst()
        }
        if let failure = gate.locked({ self.failure }) { throw failure }
        filling = next
        filled = 0
    }

    private func slot(_ batch: Int, _ i: Int) -> UnsafeMutablePointer<Frame> { frames + (batch * batchSize + i) }

    private func stopThread() {
        guard let thread else { return }
        gate.locked {
            closed = true
            gate.signal()
        }
        thread.join()
        self.thread = nil
    }

    /// The thread's loop: take a ready batch, write its frames, give it back; end when closed and empty.
    private func drainLoop() {
        while let index = nextReady() {
            do {
                for i in 0..<counts[index] { try writer.write(slot(index, i).pointee) }
            } catch {
                gate.locked { failure = error }
            }
            gate.locked {
                free.append(index)
                gate.signal()
            }
        }
    }

    private func nextReady() -> Int? {
        gate.locked {
            while ready.isEmpty && !closed { gate.wait() }
            guard !ready.isEmpty else { return nil }
            let index = ready.removeFirst()
            // After a failure batches are only returned, not written.
            if failure != nil {
                counts[index] = 0
            }
            return index
        }
    }
}
