import ArgumentParser
import ArmRender

/// `--size WxH` parses straight into the one `ImageSize` (one range for the CLI, the renderer, the window).
extension ImageSize: ExpressibleByArgument {
    public init?(argument: String) {
        guard let size = try? ImageSize(parsing: argument) else { return nil }
        self = size
    }

    public var defaultValueDescription: String { description }
}

enum SizeOption {
    /// The message for a bad `--size` (ArgumentParser's own says only "invalid").
    static func parse(_ text: String, option: String = "--size") throws(CommandFailure) -> ImageSize {
        do {
            return try ImageSize(parsing: text)
        } catch {
            throw CommandFailure(message: "\(option): \(error.message)", exitCode: ExitCode32.usage)
        }
    }
}
