/// Whether a window can be shown, and why not.
public enum DisplayStatus: Sendable, Equatable {
    /// SDL reached a real display through this video driver ("x11", "wayland", "kmsdrm", …).
    case available(driver: String)
    /// No real display: the reason is one line for the user, ending with what to do instead.
    case unavailable(reason: String)
}
