#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics go to stderr, data to stdout.
enum Diagnostics {
    static func error(_ message: String) { write("armsim: error: \(message)\n") }
    static func warning(_ message: String) { write("armsim: warning: \(message)\n") }
    static func info(_ message: String) { write(message + "\n") }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(2, &bytes, bytes.count)
    }
}

/// A failure the command has already described: one line, and the exit code to leave with.
struct CommandFailure: Error {
    var message: String
    var exitCode: Int32 = 1
}

/// Exit codes: 0 success; 1 the run or input failed; 2 invalid scenario; 64 bad command-line usage;
/// 69 no display (or no SDL libraries) for the window; 130/143 interrupted by SIGINT/SIGTERM.
enum ExitCode32 {
    static let failure: Int32 = 1
    static let invalidScenario: Int32 = 2
    static let usage: Int32 = 64
    static let noDisplay: Int32 = 69
}
