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
/// and full (EAGAIN). A reader that goes away (`armsim run | head`) shows up as `OutputError.brokenPipe` when
/// the program ignores SIGPIPE (armsim's `SignalHandling` does; this module touches no signal disposition).
/// The sink does not own the descriptor and never closes it.
public final class FileDescriptorSink: ByteSink {
    public let fileDescriptor: Int32
    /// How messages name the destination ("stdout", or a path).
    public let name: String

    public init(fileDescriptor: Int32, name: String) {
        self.fileDescriptor = fileDescriptor
        self.name = name
    }

    /// Standard output (descriptor 1).
    public static func standardOutput() -> FileDescriptorSink {
        FileDescriptorSink(fileDescriptor: 1, name: "stdout")
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
