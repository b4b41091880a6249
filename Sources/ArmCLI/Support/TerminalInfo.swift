#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the command line knows about its terminal (the libraries never ask).
enum TerminalInfo {
    /// Whether stderr is a terminal: the progress line is drawn only there.
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}

/// Standard descriptors that a parent closed (`2>&-`) are reopened on the null device, so the first file
/// the run opens cannot become "stderr" and receive diagnostics in the middle of its data. A closed stdout is
/// remembered: data asked for on stdout is then an error, not silently discarded.
enum StandardDescriptors {
    /// The descriptors reopened here, closed again before an `exec` so the next program sees what we were given.
    nonisolated(unsafe) static var reopened: [Int32] = []

    static var stdoutWasClosed: Bool { reopened.contains(1) }

    static func ensureOpen() {
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            reopened.append(fd)
            let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0 && opened != fd {
                _ = dup2(opened, fd)
                _ = close(opened)
            }
        }
    }

    /// Before `exec`: the descriptors the parent had closed are closed again.
    static func restoreClosed() {
        for fd in reopened { _ = close(fd) }
    }
}
