import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Clears temporary files that an earlier armsim left behind when it was killed by a signal nothing can
/// catch (SIGKILL, the OOM killer, a power cut): a name of `TemporaryFileName`'s shape whose process no longer
/// exists. Files of live processes, and every name not of our shape, are never touched.
///
/// Each directory is scanned at most once per process (a recording writes thousands of frames into one).
/// Limitation: "no longer exists" is judged in this process's pid namespace; two containers sharing one
/// directory could see each other's live files as stale.
public enum StaleTemporaryFiles {
    /// Removes dead processes' temporary files from `directory`; returns the names removed.
    @discardableResult
    public static func clean(directory: String) -> [String] {
        guard Scanned.shared.firstVisit(directory) else { return [] }
        guard let stream = opendir(directory) else { return [] }
        defer { closedir(stream) }
        var removed: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let pid = TemporaryFileName.owner(of: name), pid != getpid(), !isAlive(pid) else { continue }
            if unlink(directory + "/" + name) == 0 { removed.append(name) }
        }
        return removed
    }

    /// kill(pid, 0) fails with ESRCH only when no such process exists (EPERM means it exists).
    static func isAlive(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno != ESRCH
    }

    /// The directories already scanned.
    final class Scanned: @unchecked Sendable {
        // @unchecked Sendable: `seen` is only touched with `mutex` held.
        private var seen: Set<String> = []
        private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

        init() { pthread_mutex_init(mutex, nil) }

        func firstVisit(_ directory: String) -> Bool {
            pthread_mutex_lock(mutex)
            defer { pthread_mutex_unlock(mutex) }
            return seen.insert(directory).inserted
        }

        static let shared = Scanned()
    }
}
