#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exactly `count` threads running `body(worker)`, joined before `run` returns. Plain pthreads rather than
/// Dispatch: `--jobs N` means N at once, and Dispatch would cap the width at the core count.
enum BatchWorkers {
    private final class Job {
        let body: @Sendable (Int) -> Void
        let worker: Int
        init(_ body: @escaping @Sendable (Int) -> Void, _ worker: Int) { self.body = body; self.worker = worker }
    }

    static func run(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for worker in 0..<max(1, count) {
            let job = Unmanaged.passRetained(Job(body, worker))
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { raw in
                let job = Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue()
                job.body(job.worker)
                return nil
            }, job.toOpaque())
            if status == 0 {
                threads.append(thread)
            } else {
                // No thread to be had (a process limit): this worker's share runs here instead.
                job.release()
                body(worker)
            }
        }
        for thread in threads { pthread_join(thread, nil) }
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
