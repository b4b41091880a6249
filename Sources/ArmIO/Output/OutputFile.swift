import ArmKit

/// The one way the program writes a whole output file from bytes it holds in memory (a PNG or JPEG picture,
/// a plot): through `AtomicFileOutput`, so a regular file is replaced atomically, a device, FIFO or socket
/// is written through, a symbolic link keeps pointing where it did, and any failure (open, write, sync,
/// close, rename) throws an `OutputError` naming the path, with nothing left behind.
public enum OutputFile {
    /// Writes `bytes` as the whole content of `path`. `durable: false` skips the `fsync`s (a recording's
    /// frames; the rename is atomic either way).
    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String, durable: Bool = true) throws(OutputError) {
        let output: AtomicFileOutput
        do {
            output = try AtomicFileOutput(path: path, durable: durable)
        } catch {
            throw OutputError.wrap(error, path: path)
        }
        do {
            try output.write(bytes)
            try output.commit()
        } catch {
            output.abort()
            throw OutputError.wrap(error, path: path)
        }
    }

    public static func write(_ bytes: [UInt8], to path: String, durable: Bool = true) throws(OutputError) {
        do {
            try bytes.withUnsafeBytes { try write($0, to: path, durable: durable) }
        } catch {
            throw OutputError.wrap(error, path: path)
        }
    }
}

extension OutputError {
    /// `error` as an `OutputError` (the sinks of this module throw nothing else).
    static func wrap(_ error: any Error, path: String) -> OutputError {
        (error as? OutputError) ?? .writeFailed(path: path, reason: "\(error)")
    }
}
