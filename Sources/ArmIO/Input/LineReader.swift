#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file (or FIFO) line by line in 1 MiB chunks with bounded memory: each line is lent to the caller as
/// a byte range that is followed in memory by its '\n' (or a '\n' put there at the end of the file), so
/// parsers that stop at a delimiter (strtod) never run past it.
final class LineReader {
    let path: String
    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0, end = 0
    private var eof = false
    private(set) var lineNumber = 0
    static let maxLineLength = 16 << 20

    init(path: String) throws(TrajectoryInputError) {
        self.path = path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw TrajectoryInputError(path: path, line: 0, "cannot open: \(String(cString: strerror(errno)))") }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw TrajectoryInputError(path: path, line: 0, "is a directory, not a trajectory file")
        }
        capacity = 1 << 20
        buffer = .allocate(capacity: capacity + 1)
    }

    deinit { close(fd); buffer.deallocate() }

    /// The next line without its '\n' (and without a trailing '\r'); nil at the end of the file.
    func next() throws(TrajectoryInputError) -> UnsafeBufferPointer<UInt8>? {
        while true {
            if let nl = findNewline() {
                let line = UnsafeBufferPointer(start: buffer + start, count: nl - start)
                start = nl + 1
                lineNumber += 1
                if let last = line.last, last == UInt8(ascii: "\r") { return UnsafeBufferPointer(rebasing: line.dropLast()) }
                return line
            }
            if eof {
                guard start < end else { return nil }
                buffer[end] = UInt8(ascii: "\n")   // the capacity + 1 byte makes room for it
                end += 1
                continue
            }
            try fill()
        }
    }

    private func findNewline() -> Int? {
        guard start < end, let p = memchr(buffer + start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
        return buffer.distance(to: p.assumingMemoryBound(to: UInt8.self))
    }

    /// Moves the partial line to the front and reads more; grows the buffer for a line longer than it.
    private func fill() throws(TrajectoryInputError) {
        if start > 0 {
            memmove(buffer, buffer + start, end - start)
            end -= start; start = 0
        }
        if end == capacity {
            guard capacity < Self.maxLineLength else {
                throw TrajectoryInputError(path: path, line: lineNumber + 1, "line longer than \(Self.maxLineLength) bytes")
            }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2 + 1)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger; capacity *= 2
        }
        let n = read(fd, buffer + end, capacity - end)
        if n < 0 {
            if errno == EINTR { return }
            throw TrajectoryInputError(path: path, line: lineNumber + 1, "read failed: \(String(cString: strerror(errno)))")
        }
        if n == 0 { eof = true } else { end += n }
    }
}
