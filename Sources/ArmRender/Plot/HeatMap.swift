import CSDL2

/// Fills a rectangle pixel by pixel from a colour function of the pixel's centre, through one streaming
/// texture (exact colours: no blending, no scaling filter).
enum HeatMap {
    static func draw(_ s: PlotSurface, in rect: PixelRect, color: (PixelPoint) -> RGBA?) {
        s.canvas.flush()
        let r = rect.sdlRect
        let w = Int(r.w), h = Int(r.h)
        guard w > 0, h > 0 else { return }
        var pixels = [UInt32](repeating: 0, count: w * h)
        for row in 0..<h {
            for col in 0..<w {
                let p = PixelPoint(x: Double(Int(r.x) + col) + 0.5, y: Double(Int(r.y) + row) + 0.5)
                guard let c = color(p) else { continue }
                // RGBA32 is R, G, B, A in memory order.
                pixels[row * w + col] = UInt32(c.r) | UInt32(c.g) << 8 | UInt32(c.b) << 16 | UInt32(c.a) << 24
            }
        }
        let format = UInt32(SDL_PIXELFORMAT_RGBA32.rawValue)
        guard let texture = SDL_CreateTexture(s.renderer, format, Int32(SDL_TEXTUREACCESS_STATIC.rawValue), Int32(w), Int32(h)) else { return }
        defer { SDL_DestroyTexture(texture) }
        SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND)
        _ = pixels.withUnsafeBytes { SDL_UpdateTexture(texture, nil, $0.baseAddress, Int32(w * 4)) }
        var dst = r
        SDL_RenderCopy(s.renderer, texture, nil, &dst)
    }
}
