#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One plain pthread running `body`, joined by `join()`; nil from `start` when no thread can be had (a process
/// limit), so the caller runs that work itself. Shared by the batch workers, the trajectory writer thread and
/// the `--stdin` blocks.
struct WorkerThread {
    private final class Job {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private let thread: pthread_t

    static func start(_ body: @escaping @Sendable () -> Void) -> WorkerThread? {
        let job = Unmanaged.passRetained(Job(body))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, job.toOpaque())
        guard status == 0 else {
            job.release()
            return nil
        }
        return WorkerThread(thread: thread)
    }

    func join() { pthread_join(thread, nil) }
}

/// Exactly `count` threads running `body(worker)`, joined before `run` returns. Plain pthreads rather than
/// Dispatch: `--jobs N` means N at once, and Dispatch would cap the width at the core count.
enum BatchWorkers {
    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [WorkerThread] = []
        for worker in 0..<max(1, count) {
            if let thread = WorkerThread.start({ body(worker) }) {
                threads.append(thread)
            } else {
                body(worker)   // no thread to be had: this worker's share runs here instead
            }
        }
        for thread in threads { thread.join() }
    }

    /// The cores this process may use: the default for --jobs.
    static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

/// A pthread mutex in a class (a stable address), for the batch's shared ledger.
final class BatchLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init() { pthread_mutex_init(mutex, nil) }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}
