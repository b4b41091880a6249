import CSDL2

/// An RGBA32 surface with a software renderer drawing into it: what every picture made without a display starts
/// from (scenes for `render`/`--record`, plots). Call with the SDL lock held.
enum SoftwareSurface {
    static let pixelFormat = UInt32(SDL_PIXELFORMAT_RGBA32.rawValue)

    static func make(width: Int, height: Int) throws(RenderError) -> (surface: UnsafeMutablePointer<SDL_Surface>, renderer: OpaquePointer) {
        try SDLSession.shared.ensureLibraries()
        guard let surface = SDL_CreateRGBSurfaceWithFormat(0, Int32(width), Int32(height), 32, pixelFormat) else {
            throw RenderError(.sdl, "cannot allocate a \(width)×\(height) surface: \(SDLSession.lastError)")
        }
        guard let renderer = SDL_CreateSoftwareRenderer(surface) else {
            SDL_FreeSurface(surface)
            throw RenderError(.sdl, "cannot create a software renderer: \(SDLSession.lastError)")
        }
        return (surface, renderer)
    }
}
