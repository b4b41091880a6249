import ArmIO

/// Every picture and data file the plotting commands write goes through here: ArmIO's `AtomicFileOutput`
/// (temporary file + rename for regular files; devices, FIFOs and symlinks written through, never renamed
/// over), so a failed command leaves nothing half-written.
enum PlotOutputFile {
    static func write(_ bytes: [UInt8], to path: String) throws(CommandFailure) {
        try withFile(path) { file in try bytes.withUnsafeBytes { try file.write($0) } }
    }

    static func write(_ text: String, to path: String) throws(CommandFailure) {
        try write(Array(text.utf8), to: path)
    }

    /// Streams text produced piece by piece (`produce` calls `emit` as often as it likes), so a large table
    /// never has to fit in memory as one string.
    static func stream(to path: String, _ produce: (_ emit: (String) throws -> Void) throws -> Void) throws(CommandFailure) {
        try withFile(path) { file in
            try produce { text in
                var text = text
                try text.withUTF8 { try file.write(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    /// Opens `path`, lets `body` write, commits; on any failure aborts (the old file stays) and says why.
    private static func withFile(_ path: String, _ body: (AtomicFileOutput) throws -> Void) throws(CommandFailure) {
        do {
            let file = try AtomicFileOutput(path: path)
            do {
                try body(file)
                try file.commit()
            } catch {
                file.abort()
                throw error
            }
        } catch {
            throw CommandFailure(message: "\(error)")
        }
    }
}
