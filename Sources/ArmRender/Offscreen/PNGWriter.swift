import CSDL2
import FoundationEssentials
import Glibc

/// Saving pixels as PNG files, atomically (a temporary file in the same directory, then a rename), with errors
/// that name the path. Use with the SDL lock held.
enum PNGWriter {
    /// Writes `surface` to `path`.
    static func save(_ surface: UnsafeMutablePointer<SDL_Surface>, to path: String) throws(RenderError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent().path
        var isDir = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir else {
            throw RenderError(.io, "cannot write \(path): directory \(dir) does not exist")
        }
        let tmp = dir + "/.\(url.lastPathComponent).tmp-\(getpid())"
        makeOpaque(surface)
        guard IMG_SavePNG(surface, tmp) == 0 else {
            let reason = SDLSession.lastError
            try? FileManager.default.removeItem(atPath: tmp)
            throw RenderError(.io, "cannot write \(path): \(reason)")
        }
        guard rename(tmp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: tmp)
            throw RenderError(.io, "cannot write \(path): \(reason)")
        }
    }

    /// Blending onto an RGBA surface leaves alpha a little under 255 in places; a picture must be opaque.
    static func makeOpaque(_ surface: UnsafeMutablePointer<SDL_Surface>) {
        let s = surface.pointee
        guard let format = s.format, format.pointee.BytesPerPixel == 4, format.pointee.Amask != 0,
              let pixels = s.pixels else { return }
        let amask = format.pointee.Amask
        SDL_LockSurface(surface)
        for row in 0..<Int(s.h) {
            let line = (pixels + row * Int(s.pitch)).assumingMemoryBound(to: UInt32.self)
            for col in 0..<Int(s.w) { line[col] |= amask }
        }
        SDL_UnlockSurface(surface)
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
    static func saveScreenshot(_ renderer: OpaquePointer, to path: String) throws(RenderError) {
        let surface = try capture(renderer)
        defer { SDL_FreeSurface(surface) }
        try save(surface, to: path)
    }
}
