import CSDL2
@testable import ArmRender

/// A PNG loaded back with IMG_Load, converted to RGBA32, for sampling pixels in tests.
struct PixelImage {
    let width: Int
    let height: Int
    private let bytes: [UInt8]

    init(path: String) throws {
        struct LoadError: Error, CustomStringConvertible { var description: String }
        let loaded: (Int, Int, [UInt8])? = SDLSession.locked {
            guard let raw = IMG_Load(path) else { return nil }
            defer { SDL_FreeSurface(raw) }
            guard let s = SDL_ConvertSurfaceFormat(raw, UInt32(SDL_PIXELFORMAT_RGBA32.rawValue), 0) else { return nil }
            defer { SDL_FreeSurface(s) }
            let w = Int(s.pointee.w), h = Int(s.pointee.h), pitch = Int(s.pointee.pitch)
            var out = [UInt8](repeating: 0, count: w * h * 4)
            let src = s.pointee.pixels!.assumingMemoryBound(to: UInt8.self)
            for row in 0..<h { for i in 0..<(w * 4) { out[row * w * 4 + i] = src[row * pitch + i] } }
            return (w, h, out)
        }
        guard let loaded else { throw LoadError(description: "cannot load \(path)") }
        (width, height, bytes) = loaded
    }

    /// The pixel at a column and row (RGBA32 is R, G, B, A in memory order).
    func pixel(_ x: Int, _ y: Int) -> RGBA {
        let i = (y * width + x) * 4
        return RGBA(bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3])
    }

    func pixel(at p: PixelPoint) -> RGBA { pixel(p.column, p.row) }
}
