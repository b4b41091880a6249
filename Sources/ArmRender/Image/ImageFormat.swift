/// The picture formats `render` and `--screenshot` write, chosen from the output's extension.
public enum ImageFormat: String, Sendable, CaseIterable {
    case png
    case jpeg

    /// The format `path`'s extension names (`.png`; `.jpg`, `.jpeg`; any case), or nil.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        default: return nil
        }
    }

    /// `path`'s format; PNG for a name without one of the extensions (a device or FIFO: the command line
    /// refuses such names for regular files before anything is drawn).
    public static func forOutput(_ path: String) -> ImageFormat {
        ImageFormat(path: path) ?? .png
    }
}
