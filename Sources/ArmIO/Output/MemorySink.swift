import ArmKit
/// A `ByteSink` that keeps everything in memory (tests, small outputs, and the renderer's overlays).
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []
    /// How many `write` calls arrived (the writer's chunking can be observed through it).
    public private(set) var writeCount = 0

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
        writeCount += 1
    }

    /// The bytes as UTF-8 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
