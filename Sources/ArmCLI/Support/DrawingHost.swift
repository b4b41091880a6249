import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// Where drawing happens. `armsim` is a static executable: it starts in about half the time of a dynamically
/// linked one, but a static process cannot dlopen SDL (SDL would bring a second C library). So a command that
/// is going to draw calls `require()` before it writes anything: in `armsim` that replaces the process with
/// `armsim-draw` (beside it) running the very same arguments — same process id, descriptors, environment
/// and exit status, so the hand-over is invisible; in `armsim-draw` it returns at once.
enum DrawingHost {
    nonisolated(unsafe) static var drawsInProcess = true

    static let drawingExecutable = "armsim-draw"

    /// `window`: the exit status when the hand-over fails is the window's "no display" (69), else 1.
    static func require(window: Bool = false) throws(CommandFailure) {
        guard !drawsInProcess else { return }
        throw CommandFailure(message: handOver(), exitCode: window ? ExitCode32.noDisplay : ExitCode32.failure)
    }

    /// Replaces this process with armsim-draw; returns only when that failed, with the reason. Descriptors the
    /// caller had closed are closed again first, so armsim-draw judges them as armsim would (`>&-`).
    static func handOver() -> String {
        let path = siblingPath(drawingExecutable)
        var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) } + [nil]
        let saved = StandardDescriptors.reopened.map { fcntl($0, F_DUPFD_CLOEXEC, 3) }
        StandardDescriptors.restoreClosed()
        // Without /proc the bare name is looked up on PATH.
        if path.contains("/") { execv(path, &argv) } else { execvp(path, &argv) }
        let reason = String(cString: strerror(errno))
        // Still here: put the null device back where it was, for the error line and the exit.
        for (fd, copy) in zip(StandardDescriptors.reopened, saved) where copy >= 0 {
            _ = dup2(copy, fd)
            _ = close(copy)
        }
        return "drawing needs '\(path)' (built beside armsim by 'swift build'): \(reason)"
    }

    /// `name` in the directory of this executable (from /proc/self/exe, so a symlinked armsim still finds it);
    /// the bare name when /proc cannot tell.
    static func siblingPath(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { return name }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let slash = path.lastIndex(of: "/") else { return name }
        return String(path[...slash]) + name
    }
}
