#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few process facts drawing needs, straight from libc: Foundation's ProcessInfo and FileManager would
/// link FoundationEssentials into every start-up (docs/performance.md).
enum ProcessEnvironment {
    /// An environment variable, nil when unset or empty.
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        let text = String(cString: raw)
        return text.isEmpty ? nil : text
    }

    static func isReadableFile(_ path: String) -> Bool { access(path, R_OK) == 0 }

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    /// Seconds since the epoch, for names stamped with the local time.
    static var now: time_t { time(nil) }
}
