/// A picture's or window's size in pixels: the one type and the one range the command line, the offscreen
/// renderer, the recorder and the window all use.
///
/// Range: 64…8192 pixels each way. Below 64 the scene's text cannot be laid out; above 8192 one RGBA
/// surface is 256 MiB and a picture takes seconds to encode. Written `WIDTHxHEIGHT` (`1280x800`).
public struct ImageSize: Sendable, Equatable, CustomStringConvertible {
    public static let range = 64...8192
    public static let standard = ImageSize(checkedWidth: 1280, height: 800)

    public let width: Int
    public let height: Int

    /// Throws `.invalidArgument` when either side is outside `range`.
    public init(width: Int, height: Int) throws(RenderError) {
        guard Self.range.contains(width), Self.range.contains(height) else {
            throw RenderError(.invalidArgument, "width and height must be in \(Self.range.lowerBound)…\(Self.range.upperBound) pixels, got \(width)x\(height)")
        }
        self.width = width
        self.height = height
    }

    /// Parses `WIDTHxHEIGHT` (decimal digits only, `x` or `X`).
    public init(parsing text: String) throws(RenderError) {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false).flatMap { $0.split(separator: "X", omittingEmptySubsequences: false) }
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy(\.isASCIIDigit) }),
              let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw RenderError(.invalidArgument, "expected WIDTHxHEIGHT in pixels (e.g. 1280x800), got '\(text)'")
        }
        try self.init(width: w, height: h)
    }

    private init(checkedWidth: Int, height: Int) {
        self.width = checkedWidth
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
