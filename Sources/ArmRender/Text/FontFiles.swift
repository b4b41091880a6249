#if canImport(Glibc)
import Glibc
#endif

/// Where the HUD's fonts come from: DejaVu, which Debian/Ubuntu install with `fonts-dejavu-core`.
/// `ARMSIM_FONT_DIR` overrides the directory. The regular face is required; bold and mono fall back to it.
enum FontFiles {
    static let defaultDirectory = "/usr/share/fonts/truetype/dejavu"
    static let regular = "DejaVuSans.ttf"
    static let bold = "DejaVuSans-Bold.ttf"
    static let mono = "DejaVuSansMono.ttf"

    static var directory: String {
        if let d = ProcessEnvironment.value("ARMSIM_FONT_DIR") { return d }
        return defaultDirectory
    }

    /// The path for `file`, or the regular face when `file` is an optional face that is missing.
    /// Throws when the regular face itself is missing.
    static func path(for file: String) throws(RenderError) -> String {
        let dir = directory
        let wanted = dir.joinedPath(file)
        if ProcessEnvironment.isReadableFile(wanted) { return wanted }
        let fallback = dir.joinedPath(regular)
        guard ProcessEnvironment.isReadableFile(fallback) else {
            throw RenderError(.font, "font not found: \(fallback) (install fonts-dejavu-core, or set ARMSIM_FONT_DIR)")
        }
        return fallback
    }
}
