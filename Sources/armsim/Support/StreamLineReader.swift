#if canImport(Glibc)
import Glibc
#endif

/// Reads a descriptor in blocks and hands out each complete line (a last line without a newline too).
struct StreamLineReader {
    let fileDescriptor: Int32

    /// `beforeWaiting` runs before every read that may block, i.e. when every complete line so far is handled.
    func forEachLine(beforeWaiting: () throws -> Void, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        var buffer: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
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
            while let newline = buffer[start...].firstIndex(of: 0x0A) {
                try body(buffer[start..<newline])
                start = newline + 1
            }
            buffer.removeSubrange(..<start)
        }
        if !buffer.isEmpty { try body(buffer[...]) }
    }
}
