import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process-wide list of temporary files to delete if the process dies before they are committed.
///
/// This module owns no signal handlers and no `atexit` hooks: the program installs them (armsim's
/// `SignalHandling`) and calls `unlinkAll()` from them. `unlinkAll()` is async-signal-safe: it only reads a
/// fixed table of C-string pointers made in advance and calls `unlink`; no allocation, no locks, no Swift
/// runtime calls.
///
/// Concurrency: `register`/`unregister` take a mutex against each other; `unlinkAll` takes no lock (it
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

    /// The table as a plain pointer, made before any handler can run: the program calls `prepare()` before
    /// installing its handlers, so the handler's read is a load after a completed once-check.
    /// nonisolated(unsafe): written once, by its initialiser, never changed.
    nonisolated(unsafe) static let table = State.shared.slots

    /// Creates the table now (call before installing signal handlers that call `unlinkAll`).
    public static func prepare() {
        _ = table
    }

    /// Unlinks every registered path. Async-signal-safe (only loads and `unlink`).
    public static func unlinkAll() {
        let slots = table
        var i = 0
        while i < capacity {
            if let path = slots[i] { unlink(path) }
            i += 1
        }
    }
}
