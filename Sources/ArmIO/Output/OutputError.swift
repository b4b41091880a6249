import ArmKit
/// Why trajectory output failed. Every case but `brokenPipe` is a real failure with a one-line message
/// naming the file; `brokenPipe` means the reader went away (`armsim run | head`), which the CLI should treat
/// as a normal end of the run (stop computing, exit 0, print nothing).
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The read end of the pipe or FIFO was closed (EPIPE, when the program ignores SIGPIPE).
    case brokenPipe
    /// The output could not be opened or created; raised by `AtomicFileOutput.init`, before any frame is computed.
    case cannotOpen(path: String, reason: String)
    /// A write to the output failed (disk full, I/O error, …).
    case writeFailed(path: String, reason: String)
    /// The finished temporary file could not be put in place; nothing was left at `path`.
    case commitFailed(path: String, reason: String)
    /// An output directory holds files and overwriting was not allowed.
    case notEmpty(path: String, advice: String)
    /// A frame held a NaN or infinity (the solver's contract was broken): the run stops, nothing is committed.
    case nonFinite(frame: Int, time: Double, field: String)

    public var description: String {
        switch self {
        case .brokenPipe: "output closed by its reader (broken pipe)"
        case let .cannotOpen(path, reason): "cannot write '\(path)': \(reason)"
        case let .writeFailed(path, reason): "error writing '\(path)': \(reason)"
        case let .commitFailed(path, reason): "cannot finish '\(path)': \(reason)"
        case let .notEmpty(path, advice): "'\(path)' is not empty: \(advice)"
        case let .nonFinite(frame, time, field):
            "frame \(frame) (t = \(time) s): \(field) is not a finite number (the solver must never produce one); the run is stopped"
        }
    }
}
