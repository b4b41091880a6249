import ArmIO
#if canImport(Glibc)
import Glibc
#endif

/// The line protocol of `inspect --stdin` and `solve --stdin`: one JSON query per input line, one JSON result per
/// output line, in order. A bad line gets `{"line": N, "error": "..."}` and the stream goes on; blank lines are
/// skipped (but counted). When stdout is a pipe, FIFO, socket or terminal, every answer is flushed before the
/// session waits for more input: a process that sends a line and waits gets its answer at once, while a stream
/// already queued in the pipe is answered in blocks (per-line writes cost 0.7–1.2 s of system time per 100,000
/// queries, measured), the lines of each read shared between two threads (`StreamBlock`). To a file, output goes
/// in 64 KiB blocks.
struct StreamSession {
    let sink = FileDescriptorSink.standardOutput()
    /// Whether someone may be waiting for each answer (see `stdoutIsInteractive`).
    let interactive = StreamSession.stdoutIsInteractive()

    /// Each query gives one result object (without the newline), or a CommandFailure whose message becomes the
    /// line's error. Returns normally at end of input or when the reader of stdout goes away.
    func run(_ answer: (QueryLine) throws(CommandFailure) -> [UInt8]) throws(CommandFailure) {
        var pending: [UInt8] = []
        pending.reserveCapacity(1 << 17)
        var lineNumber = 0
        do {
            try withoutActuallyEscaping(answer) { answer in
                let block = StreamBlock(answer: answer)
                try StreamLineReader(fileDescriptor: 0).forEachBlock(beforeWaiting: {
                    if interactive { try flush(&pending) }
                }) { lines in
                    for result in block.answers(lines, firstLine: lineNumber + 1) {
                        guard let result else { continue }
                        pending += result
                        pending.append(0x0A)
                    }
                    lineNumber += lines.count
                    if pending.count >= 1 << 16 { try flush(&pending) }
                }
            }
            try flush(&pending)
        } catch OutputError.brokenPipe {
            return
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(message: "\(error)", exitCode: ExitCode32.failure)
        }
    }

    private func flush(_ pending: inout [UInt8]) throws {
        guard !pending.isEmpty else { return }
        try pending.withUnsafeBytes { try sink.write($0) }
        pending.removeAll(keepingCapacity: true)
    }

    /// A pipe, FIFO, socket or terminal: someone may be waiting for each line.
    static func stdoutIsInteractive() -> Bool {
        var status = stat()
        guard fstat(1, &status) == 0 else { return true }
        let type = status.st_mode & S_IFMT
        return type == S_IFIFO || type == S_IFSOCK || type == S_IFCHR
    }
}
