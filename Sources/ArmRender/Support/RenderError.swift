/// Why drawing, saving or opening a window failed: one line a person can act on.
public struct RenderError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong and, where there is one, the path or setting involved.
    public var message: String
    /// The broad class of failure, so the command line can choose an exit code or a hint.
    public var kind: Kind

    public enum Kind: String, Sendable, Equatable {
        /// No real display can be reached (no DISPLAY/WAYLAND_DISPLAY, or SDL fell back to `offscreen`/`dummy`).
        case noDisplay
        /// A font file is missing or unreadable.
        case font
        /// Writing or reading a file (PNG, output directory) failed.
        case io
        /// A bad argument (size, time, frame interval).
        case invalidArgument
        /// SDL itself failed (init, window, renderer, surface).
        case sdl
        /// The SDL libraries are not installed (drawing only; headless commands do not need them).
        case missingLibrary
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
