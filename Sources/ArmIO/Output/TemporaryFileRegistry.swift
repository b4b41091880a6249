import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide list of temporary files to delete if the process dies before they are committed:
/// on SIGINT, SIGTERM or SIGHUP (a handler unlinks them and exits with status 128 + signal number) and on
/// `exit()` (an `atexit` hook, for paths that exit without unwinding, like a CLI's error exit).
///
/// The signal handler must be async-signal-safe: it only reads a fixed table of C-string pointers made in
/// advance and calls `unlink` and `_exit`; no allocation, no locks, no Swift runtime calls. Handlers are
/// installed at the first registration. A signal that was ignored when they are installed (a job started
/// with `nohup`, or in the background by a non-interactive shell) stays ignored.
///
/// Concurrency: `register`/`unregister` take a mutex against each other; the handler takes no lock (it
/// could interrupt the holder). A slot is published only after its string is complete, and a string is
/// never freed once published (an unregistered slot is cleared, its few bytes are leaked), so a handler
/// running on another thread at the same moment never reads freed memory.
public enum TemporaryFileRegistry {
    /// How many temporary files can be pending at once; registering more leaves the extra ones unprotected
    /// (they are still removed by `abort()`), never fails.
    public static var capacity: Int { 64 }

    /// Adds `path` to the files removed on a fatal signal or exit; returns the slot to `unregister`, or nil
    /// when the table is full.
    public static func register(_ path: String) -> Int? {
        let state = State.shared
        pthread_mutex_lock(state.mutex)
        defer { pthread_mutex_unlock(state.mutex) }
        installHandlersIfNeeded(state)
        for slot in 0..<capacity where state.slots[slot] == nil {
            // strdup completes the string before the store that publishes it.
            state.slots[slot] = strdup(path)
            return slot
        }
        return nil
    }

    /// Removes a slot from the list (after the file was renamed into place or deleted).
    public static func unregister(_ slot: Int) {
        let state = State.shared
        precondition(slot >= 0 && slot < capacity)
        pthread_mutex_lock(state.mutex)
        defer { pthread_mutex_unlock(state.mutex) }
        // Deliberately not freed: see the type's note.
        state.slots[slot] = nil
    }

    /// The paths currently registered (for tests and diagnostics).
    public static var registeredPaths: [String] {
        let state = State.shared
        pthread_mutex_lock(state.mutex)
        defer { pthread_mutex_unlock(state.mutex) }
        return (0..<capacity).compactMap { state.slots[$0].map { String(cString: $0) } }
    }

    /// The signals whose default action would kill the process mid-run.
    static let fatalSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Storage. Raw memory rather than Swift arrays so the signal handler can walk it without touching the
    /// Swift runtime (no retain/release, no exclusivity checks, no once-initialisation: `shared` is set up
    /// before any handler is installed).
    final class State: @unchecked Sendable {
        // @unchecked Sendable: `slots` is mutated only under `mutex`; the handler only reads pointer-sized
        // slots that are written whole; `mutex` itself is the synchronisation primitive.
        let slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
        let mutex: UnsafeMutablePointer<pthread_mutex_t>
        var handlersInstalled = false

        init() {
            slots = .allocate(capacity: TemporaryFileRegistry.capacity)
            slots.initialize(repeating: nil, count: TemporaryFileRegistry.capacity)
            mutex = .allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
        }

        static let shared = State()
    }

    /// The table, as a plain pointer the C-convention handlers read (they cannot capture context).
    /// nonisolated(unsafe): written once, under the mutex, before the handlers that read it are installed,
    /// and never changed afterwards; by then its lazy initialisation is done, so a read in the handler is a
    /// plain load after an already-completed once-check.
    nonisolated(unsafe) static var handlerSlots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?

    private static func installHandlersIfNeeded(_ state: State) {
        guard !state.handlersInstalled else { return }
        state.handlersInstalled = true
        handlerSlots = state.slots
        atexit {
            TemporaryFileRegistry.unlinkAll()
        }
        // A parent may have spawned us with these signals blocked (a process started from a thread that blocks
        // signals passes its mask on through exec); blocked, a SIGTERM would wait until the run ends.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signo in fatalSignals { sigaddset(&unblock, signo) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signo in fatalSignals {
            var old = sigaction()
            sigaction(signo, nil, &old)
            if Self.isIgnored(old) { continue }
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = { signo in
                TemporaryFileRegistry.unlinkAll()
                _exit(128 + signo)
            }
            #else
            action.__sigaction_handler.sa_handler = { signo in
                TemporaryFileRegistry.unlinkAll()
                _exit(128 + signo)
            }
            #endif
            // While cleaning up, hold the other fatal signals off.
            sigemptyset(&action.sa_mask)
            for other in fatalSignals { sigaddset(&action.sa_mask, other) }
            action.sa_flags = 0
            sigaction(signo, &action, nil)
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Darwin)
        let handler = action.__sigaction_u.__sa_handler
        #else
        let handler = action.__sigaction_handler.sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// Unlinks every registered path. Async-signal-safe (only loads and `unlink`).
    static func unlinkAll() {
        guard let slots = handlerSlots else { return }
        var i = 0
        while i < capacity {
            if let path = slots[i] { unlink(path) }
            i += 1
        }
    }
}
