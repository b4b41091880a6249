import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// The process-wide owner of SDL's global state. SDL, SDL_ttf and SDL_image are not thread-safe: every call
/// into them from ArmRender runs inside `SDLSession.locked { … }`, which serialises callers (tests run in
/// parallel; a CLI could render on a background thread). The lock is recursive so a locked section may call
/// helpers that lock again.
///
/// The mutable flags below are only touched with the lock held, which is what makes the `@unchecked Sendable`
/// sound.
final class SDLSession: @unchecked Sendable {
    static let shared = SDLSession()

    private let lock = RecursiveLock()
    private var ttfReady = false
    private var imageReady = false

    private init() {}

    /// Runs `body` with the SDL lock held.
    static func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        shared.lock.lock()
        defer { shared.lock.unlock() }
        return try body()
    }

    /// SDL_ttf and SDL_image (PNG), initialised once per process; neither needs a display.
    /// Call with the lock held.
    func ensureLibraries() throws(RenderError) {
        if !ttfReady {
            guard TTF_Init() == 0 else { throw RenderError(.sdl, "SDL_ttf failed to initialise: \(SDLSession.lastError)") }
            ttfReady = true
        }
        if !imageReady {
            let png = Int32(IMG_INIT_PNG.rawValue)
            guard IMG_Init(png) & png == png else {
                throw RenderError(.sdl, "SDL_image has no PNG support: \(SDLSession.lastError)")
            }
            imageReady = true
        }
    }

    /// SDL_GetError() as a Swift string.
    static var lastError: String {
        guard let p = SDL_GetError() else { return "unknown SDL error" }
        let s = String(cString: p)
        return s.isEmpty ? "unknown SDL error" : s
    }
}
