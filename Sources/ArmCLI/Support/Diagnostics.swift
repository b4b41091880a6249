#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics go to stderr, data to stdout. Best effort: stderr may be closed, full, or a pipe nobody
/// reads; a failed write is dropped and never changes the exit status (no Foundation FileHandle, whose
/// failed write traps).
enum Diagnostics {
    static func error(_ message: String) { write("armsim: error: \(message)\n") }
    static func warning(_ message: String) { write("armsim: warning: \(message)\n") }
    static func info(_ message: String) { write(message + "\n") }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard var p = bytes.baseAddress else { return }
            var remaining = bytes.count
            while remaining > 0 {
                #if canImport(Glibc)
                let n = Glibc.write(2, p, remaining)
                #elseif canImport(Musl)
                let n = Musl.write(2, p, remaining)
                #else
                let n = Darwin.write(2, p, remaining)
                #endif
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                p += n
                remaining -= n
            }
        }
    }
}

/// A failure the command has already described: one line, and the exit code to leave with.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}

/// Exit codes: 0 success; 1 the run or its output failed (also when the display connection is lost mid-run);
/// 2 invalid scenario; 64 bad command-line usage; 69 no display (or no SDL libraries) for the window; 128+N ended by signal N
/// (130 SIGINT, 143 SIGTERM, …).
enum ExitCode32 {
    static let failure: Int32 = 1
    static let invalidScenario: Int32 = 2
    static let usage: Int32 = 64
    static let noDisplay: Int32 = 69
}
