import CSDL2

/// Draws text with SDL_ttf through a glyph cache: each character is rendered once per style into a white
/// texture and tinted at draw time, so a HUD whose numbers change every frame costs only texture copies.
/// Belongs to one SDL renderer; use and destroy it with the SDL lock held.
final class TextRenderer {
    private struct Glyph {
        var texture: OpaquePointer?
        var width: Int32
        var height: Int32
        var advance: Int32
    }

    private let renderer: OpaquePointer
    private var fonts: [OpaquePointer] = []
    private var glyphs: [[UInt32: Glyph]]
    private var lineHeights: [Int] = []
    private var ascents: [Int] = []
    let scale: Double

    /// Opens every style at `scale` × its base size. Throws naming the font file when it cannot be opened.
    init(renderer: OpaquePointer, scale: Double) throws(RenderError) {
        self.renderer = renderer
        self.scale = scale
        glyphs = Array(repeating: [:], count: FontStyle.allCases.count)
        for style in FontStyle.allCases {
            let path = try FontFiles.path(for: style.fileName)
            let size = Int32(max(6, (style.baseSize * scale).rounded()))
            guard let font = TTF_OpenFont(path, size) else {
                close()
                throw RenderError(.font, "cannot open font \(path): \(SDLSession.lastError)")
            }
            TTF_SetFontHinting(font, TTF_HINTING_LIGHT)
            fonts.append(font)
            lineHeights.append(Int(TTF_FontHeight(font)))
            ascents.append(Int(TTF_FontAscent(font)))
        }
    }

    deinit { close() }

    /// Frees the glyph textures and fonts.
    func close() {
        for cache in glyphs { for g in cache.values { if let t = g.texture { SDL_DestroyTexture(t) } } }
        glyphs = Array(repeating: [:], count: FontStyle.allCases.count)
        for f in fonts { TTF_CloseFont(f) }
        fonts.removeAll()
    }

    func lineHeight(_ style: FontStyle) -> Int { lineHeights[style.rawValue] }
    func ascent(_ style: FontStyle) -> Int { ascents[style.rawValue] }

    /// The width of `text` in pixels.
    func width(_ text: String, _ style: FontStyle) -> Int {
        var w: Int32 = 0
        for scalar in text.unicodeScalars { w += glyph(scalar.value, style).advance }
        return Int(w)
    }

    /// Draws `text` with its top-left corner at (x, y); returns the width drawn.
    @discardableResult
    func draw(_ text: String, x: Double, y: Double, _ style: FontStyle, _ color: RGBA) -> Int {
        var pen = Int32(x.rounded())
        let top = Int32(y.rounded())
        for scalar in text.unicodeScalars {
            let g = glyph(scalar.value, style)
            if let t = g.texture {
                SDL_SetTextureColorMod(t, color.r, color.g, color.b)
                SDL_SetTextureAlphaMod(t, color.a)
                var dst = SDL_Rect(x: pen, y: top, w: g.width, h: g.height)
                SDL_RenderCopy(renderer, t, nil, &dst)
            }
            pen += g.advance
        }
        return Int(pen - Int32(x.rounded()))
    }

    private func glyph(_ code: UInt32, _ style: FontStyle) -> Glyph {
        if let g = glyphs[style.rawValue][code] { return g }
        let font = fonts[style.rawValue]
        var g = Glyph(texture: nil, width: 0, height: 0, advance: 0)
        var minx: Int32 = 0, maxx: Int32 = 0, miny: Int32 = 0, maxy: Int32 = 0, adv: Int32 = 0
        if TTF_GlyphIsProvided32(font, code) != 0, TTF_GlyphMetrics32(font, code, &minx, &maxx, &miny, &maxy, &adv) == 0 {
            g.advance = adv
            if code != 0x20, let surface = TTF_RenderGlyph32_Blended(font, code, SDL_Color(r: 255, g: 255, b: 255, a: 255)) {
                if let tex = SDL_CreateTextureFromSurface(renderer, surface) {
                    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND)
                    g.texture = tex
                    g.width = surface.pointee.w
                    g.height = surface.pointee.h
                }
                SDL_FreeSurface(surface)
            }
        } else if code != 0x3F {
            // A character the font lacks: draw "?" rather than nothing.
            g = glyph(0x3F, style)
        }
        glyphs[style.rawValue][code] = g
        return g
    }
}
