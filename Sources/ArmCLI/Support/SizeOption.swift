import ArmRender

enum SizeOption {
    /// `--size WxH` parsed into the one `ImageSize` (one range for the CLI, the renderer and the window).
    static func parse(_ text: String, option: String = "--size") throws(CommandFailure) -> ImageSize {
        do {
            return try ImageSize(parsing: text)
        } catch {
            throw CommandFailure(message: "\(option): \(error.message)", exitCode: ExitCode32.usage)
        }
    }
}
