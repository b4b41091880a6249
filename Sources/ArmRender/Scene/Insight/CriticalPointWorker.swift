import ArmKit
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs the landscape panel's critical-point search off the window's thread: a search costs several
/// milliseconds (Newton with AD Hessians from 64 seeds) and a moving target asks for one nearly every frame.
/// At most one search runs; a request made meanwhile replaces any waiting one, so the newest wins.
final class CriticalPointWorker: @unchecked Sendable {
    struct Request: Sendable {
        var id: Int
        var slice: LossSlice
        var pair: Pair
        var range: Double
    }
    struct Pair: Sendable, Equatable { var x: Int, y: Int }
    struct Result: Sendable {
        var id: Int
        var pair: Pair
        var points: [CriticalPoint]
    }

    private let lock = RecursiveLock()
    private var running = false
    private var waiting: Request?
    private var latest: Result?

    func submit(_ request: Request) {
        lock.lock()
        if running {
            waiting = request
            lock.unlock()
            return
        }
        running = true
        lock.unlock()
        start(request)
    }

    /// The newest finished result not yet taken.
    func take() -> Result? {
        lock.lock()
        defer { latest = nil; lock.unlock() }
        return latest
    }

    /// Waits until no search runs or waits (tests).
    func drain() {
        while true {
            lock.lock()
            let idle = !running
            lock.unlock()
            if idle { return }
            usleep(1000)
        }
    }

    private func start(_ r: Request) {
        DispatchQueue.global(qos: .userInitiated).async {
            let points = LandscapePanelModel.search.run(slice: r.slice, xJoint: r.pair.x, yJoint: r.pair.y, range: r.range)
            self.finish(Result(id: r.id, pair: r.pair, points: points))
        }
    }

    private func finish(_ result: Result) {
        lock.lock()
        latest = result
        let next = waiting
        waiting = nil
        running = next != nil
        lock.unlock()
        if let next { start(next) }
    }
}
