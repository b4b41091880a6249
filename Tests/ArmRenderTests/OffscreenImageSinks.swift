import Foundation
@testable import ArmRender

/// The tests' `ImageSink`s: the program's writer lives in ArmIO, which these tests do not link.
final class CollectingImageSink: ImageSink, @unchecked Sendable {
    // @unchecked Sendable: used from one test at a time.
    private(set) var images: [String: [UInt8]] = [:]

    func write(image bytes: [UInt8], to path: String) throws {
        images[path] = bytes
    }

    /// Decodes one collected picture by writing it to a scratch file PixelImage can read.
    func pixels(_ path: String) throws -> PixelImage {
        let file = temporaryDirectory("sink") + "/image.png"
        defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
        try Data(images[path] ?? []).write(to: URL(fileURLWithPath: file))
        return try PixelImage(path: file)
    }
}

/// A sink that always fails the way a full disk does.
struct FailingImageSink: ImageSink {
    struct Failure: Error, CustomStringConvertible { var description: String }
    func write(image bytes: [UInt8], to path: String) throws {
        throw Failure(description: "error writing '\(path)': No space left on device")
    }
}
