import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// Finds out whether a real display can be reached, without opening a window.
///
/// SDL 2.26 does not fail without a display: `SDL_Init(SDL_INIT_VIDEO)` quietly falls back to the `offscreen`
/// (or `dummy`) video driver, whose windows nobody can see. So: when `SDL_VIDEODRIVER` is not set and neither
/// `DISPLAY` nor `WAYLAND_DISPLAY` is, there is no display (SDL is not even started); otherwise SDL is started
/// and the driver it chose must not be `offscreen` or `dummy`.
public enum DisplayProbe {
    /// The advice every "no display" message ends with.
    static let advice = "use --headless, or run under xvfb-run"

    public static func availableDisplay() -> Bool {
        if case .available = check() { return true }
        return false
    }

    /// Starts SDL's video subsystem just long enough to see which driver it picks (unless the environment
    /// already rules a display out).
    public static func check() -> DisplayStatus {
        if let reason = environmentProblem() { return .unavailable(reason: reason) }
        do { try SDLLibraries.require() } catch { return .unavailable(reason: error.message) }
        return SDLSession.locked {
            let wasInit = SDL_WasInit(SDL_INIT_VIDEO) != 0
            if !wasInit {
                preferDriverFromEnvironment()
                guard SDL_InitSubSystem(SDL_INIT_VIDEO) == 0 else {
                    return .unavailable(reason: "no display available (SDL: \(SDLSession.lastError)): \(advice)")
                }
            }
            defer { if !wasInit { SDL_QuitSubSystem(SDL_INIT_VIDEO) } }
            return driverStatus()
        }
    }

    /// A reason when the environment names no display and no explicit SDL video driver.
    static func environmentProblem() -> String? {
        func set(_ k: String) -> Bool { ProcessEnvironment.value(k) != nil }
        if set("SDL_VIDEODRIVER") || set("DISPLAY") || set("WAYLAND_DISPLAY") { return nil }
        return "no display available (neither DISPLAY nor WAYLAND_DISPLAY is set): \(advice)"
    }

    /// With only DISPLAY set, SDL is told to use X11: it then fails outright (instead of falling back to
    /// `offscreen`) when the X server cannot be reached, and libwayland is not probed for nothing (it prints
    /// "XDG_RUNTIME_DIR is invalid" on X-only machines). An explicit SDL_VIDEODRIVER is left alone.
    /// Call with the SDL lock held, before initialising SDL video.
    static func preferDriverFromEnvironment() {
        func set(_ k: String) -> Bool { ProcessEnvironment.value(k) != nil }
        if !set("SDL_VIDEODRIVER") && set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            SDL_SetHint(SDL_HINT_VIDEODRIVER, "x11")
        }
    }

    /// With SDL video initialised: the driver SDL chose, judged. Call with the SDL lock held.
    static func driverStatus() -> DisplayStatus {
        guard let p = SDL_GetCurrentVideoDriver() else {
            return .unavailable(reason: "no display available (SDL has no video driver): \(advice)")
        }
        let driver = String(cString: p)
        if driver == "offscreen" || driver == "dummy" {
            return .unavailable(reason: "no display available (SDL chose the '\(driver)' driver): \(advice)")
        }
        return .available(driver: driver)
    }
}
