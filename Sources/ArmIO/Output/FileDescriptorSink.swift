import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A `ByteSink` writing to an open file descriptor (standard output, or a file `AtomicFileOutput` opened).
///
/// Writes are retried after partial writes and EINTR, and wait with `poll` when the descriptor is non-blocking
/// and full (EAGAIN). Creating one ignores SIGPIPE for the whole process, so a reader that goes away
/// (`armsim run | head`) shows up as `OutputError.brokenPipe` instead of killing the process.
/// The sink does not own the descriptor and never closes it.
public final class FileDescriptorSink: ByteSink {
    public let fileDescriptor: Int32
    /// How messages name the destination ("stdout", or a path).
    public let name: String

    public init(fileDescriptor: Int32, name: String) {
        self.fileDescriptor = fileDescriptor
        self.name = name
        Self.ignoreBrokenPipeSignal()
    }

    /// Standard output (descriptor 1).
    public static func standardOutput() -> FileDescriptorSink {
        FileDescriptorSink(fileDescriptor: 1, name: "stdout")
    }

    /// Sets SIGPIPE to "ignore" for the process (idempotent), so writes to a closed pipe fail with EPIPE.
    public static func ignoreBrokenPipeSignal() {
        _ = signal(SIGPIPE, SIG_IGN)
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard var p = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Darwin)
            let n = Darwin.write(fileDescriptor, p, remaining)
            #elseif canImport(Musl)
            let n = Musl.write(fileDescriptor, p, remaining)
            #else
            let n = Glibc.write(fileDescriptor, p, remaining)
            #endif
            if n > 0 {
                p += n
                remaining -= n
                continue
            }
            let code = n < 0 ? errno : EIO
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                var pfd = pollfd(fd: fileDescriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&pfd, 1, -1)
            case EPIPE:
                throw OutputError.brokenPipe
            default:
                throw OutputError.writeFailed(path: name, reason: Self.message(for: code))
            }
        }
    }

    /// The C library's text for an errno value ("No space left on device").
    static func message(for code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
