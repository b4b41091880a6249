/// "WxH" in pixels, as --size takes it.
enum SizeOption {
    static let range = 64...8192

    static func parse(_ text: String, option: String = "--size") throws(CommandFailure) -> (width: Int, height: Int) {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw CommandFailure(message: "\(option): expected WIDTHxHEIGHT in pixels (e.g. 1280x800), got '\(text)'", exitCode: ExitCode32.usage)
        }
        guard range.contains(w), range.contains(h) else {
            throw CommandFailure(message: "\(option): width and height must be in \(range.lowerBound)…\(range.upperBound), got \(w)x\(h)", exitCode: ExitCode32.usage)
        }
        return (w, h)
    }
}
