#if canImport(Glibc)
import Glibc
#endif

/// Reads a descriptor in blocks and hands out each complete line (a last line without a newline too). A line
/// longer than `maxLineLength` is not kept: it is handed out once as nil (so the caller can answer it with an
/// error) and its bytes are skipped up to the next newline, so a hostile input cannot grow memory without bound.
struct StreamLineReader {
    let fileDescriptor: Int32
    static let maxLineLength = 1 << 20

    /// `beforeWaiting` runs before every read that may block, i.e. when every complete line so far is handled.
    /// `body` gets the complete lines of each read, in order (nil for an over-long line), so a caller can answer
    /// a block of queued queries together.
    func forEachBlock(beforeWaiting: () throws -> Void, _ body: ([ArraySlice<UInt8>?]) throws -> Void) throws {
        var buffer: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var skipping = false
        var lines: [ArraySlice<UInt8>?] = []
        while true {
            try beforeWaiting()
            let count = block.withUnsafeMutableBytes { read(fileDescriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw CommandFailure(message: "stdin: read failed: \(String(cString: strerror(errno)))", exitCode: ExitCode32.failure)
            }
            if count == 0 { break }
            buffer += block[0..<count]
            var start = buffer.startIndex
            lines.removeAll(keepingCapacity: true)
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                if !skipping { lines.append(buffer[start..<newline]) }
                skipping = false
                start = newline + 1
            }
            if !lines.isEmpty { try body(lines) }
            lines.removeAll(keepingCapacity: true)
            buffer.removeSubrange(..<start)
            if buffer.count > Self.maxLineLength {
                if !skipping { try body([nil]) }
                skipping = true
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty && !skipping { try body([buffer[...]]) }
    }
}
