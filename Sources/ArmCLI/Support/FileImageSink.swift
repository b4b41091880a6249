import ArmIO
import ArmRender

/// ArmRender's pictures written by ArmIO's one output writer (`OutputFile`): atomic for regular files,
/// written through for devices, FIFOs and symbolic links, every failure one line naming the path.
struct FileImageSink: ImageSink {
    /// Frames of a recording skip the fsyncs (thousands of files; each rename is still atomic).
    var durable = true

    func write(image bytes: [UInt8], to path: String) throws {
        try OutputFile.write(bytes, to: path, durable: durable)
    }
}
