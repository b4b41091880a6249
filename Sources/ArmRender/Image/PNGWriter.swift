import CSDL2

/// Saving pixels as a picture file: encoded in memory (`ImageEncoder`, PNG or JPEG by the path's extension)
/// and handed to the program's `ImageSink`, which owns every file write. Use with the SDL lock held.
enum PNGWriter {
    /// Encodes `surface` in the format `path` names and writes it through `sink`.
    static func save(_ surface: UnsafeMutablePointer<SDL_Surface>, to path: String, sink: any ImageSink) throws(RenderError) {
        let format = ImageFormat.forOutput(path)
        let bytes = try ImageEncoder.encode(surface, as: format)
        try sink.deliver(bytes, to: path)
    }

    /// Reads the renderer's current output (call before SDL_RenderPresent) into a new RGBA32 surface.
    /// The caller frees it with SDL_FreeSurface.
    static func capture(_ renderer: OpaquePointer) throws(RenderError) -> UnsafeMutablePointer<SDL_Surface> {
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &w, &h)
        let format = UInt32(SDL_PIXELFORMAT_RGBA32.rawValue)
        guard let surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, format) else {
            throw RenderError(.sdl, "cannot allocate a \(w)×\(h) screenshot surface: \(SDLSession.lastError)")
        }
        guard SDL_RenderReadPixels(renderer, nil, format, surface.pointee.pixels, surface.pointee.pitch) == 0 else {
            SDL_FreeSurface(surface)
            throw RenderError(.sdl, "cannot read the window's pixels: \(SDLSession.lastError)")
        }
        return surface
    }

    /// Saves what the renderer has drawn so far.
    static func saveScreenshot(_ renderer: OpaquePointer, to path: String, sink: any ImageSink) throws(RenderError) {
        let surface = try capture(renderer)
        defer { SDL_FreeSurface(surface) }
        try save(surface, to: path, sink: sink)
    }
}
