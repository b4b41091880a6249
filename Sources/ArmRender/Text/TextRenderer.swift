import CSDL2

/// Draws text with SDL_ttf through a cache of rendered lines: each distinct (string, style) is rendered once,
/// in white, into a texture that is tinted when drawn. Labels stay cached for good; changing numbers make new
/// entries, and entries unused for a while are evicted at `endFrame()`. Belongs to one SDL renderer; use and
/// destroy it with the SDL lock held.
final class TextRenderer {
    private struct Line {
        var texture: OpaquePointer?
        var width: Int32
        var height: Int32
        var lastUsed: Int
    }

    private let renderer: OpaquePointer
    private var fonts: [OpaquePointer] = []
    private var lines: [TextLineKey: Line] = [:]
    private var lineHeights: [Int] = []
    private var frameNumber = 0
    let scale: Double

    /// Lines not drawn for this many frames are dropped.
    private static let maxIdleFrames = 90
    private static let maxEntries = 600

    /// Opens every style at `scale` × its base size. Throws naming the font file when it cannot be opened.
    init(renderer: OpaquePointer, scale: Double) throws(RenderError) {
        self.renderer = renderer
        self.scale = scale
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
        }
    }

    deinit { close() }

    /// Frees the textures and fonts.
    func close() {
        for line in lines.values { if let t = line.texture { SDL_DestroyTexture(t) } }
        lines.removeAll()
        for f in fonts { TTF_CloseFont(f) }
        fonts.removeAll()
    }

    func lineHeight(_ style: FontStyle) -> Int { lineHeights[style.rawValue] }

    /// The width of `text` in pixels.
    func width(_ text: String, _ style: FontStyle) -> Int { Int(line(text, style).width) }

    /// Draws `text` with its top-left corner at (x, y); returns the width drawn.
    @discardableResult
    func draw(_ text: String, x: Double, y: Double, _ style: FontStyle, _ color: RGBA) -> Int {
        let l = line(text, style)
        if let t = l.texture {
            SDL_SetTextureColorMod(t, color.r, color.g, color.b)
            SDL_SetTextureAlphaMod(t, color.a)
            var dst = SDL_Rect(x: Int32(x.rounded()), y: Int32(y.rounded()), w: l.width, h: l.height)
            SDL_RenderCopy(renderer, t, nil, &dst)
        }
        return Int(l.width)
    }

    /// Evicts lines that have not been drawn recently. Call once per video frame.
    func endFrame() {
        frameNumber += 1
        guard lines.count > 64 else { return }
        let limit = lines.count > Self.maxEntries ? 0 : Self.maxIdleFrames
        for (key, l) in lines where frameNumber - l.lastUsed > limit {
            if let t = l.texture { SDL_DestroyTexture(t) }
            lines.removeValue(forKey: key)
        }
    }

    private func line(_ text: String, _ style: FontStyle) -> Line {
        let key = TextLineKey(text: text, style: style)
        if var l = lines[key] {
            if l.lastUsed != frameNumber { l.lastUsed = frameNumber; lines[key] = l }
            return l
        }
        var l = Line(texture: nil, width: 0, height: Int32(lineHeight(style)), lastUsed: frameNumber)
        if !text.isEmpty, let surface = TTF_RenderUTF8_Blended(fonts[style.rawValue], text,
                                                               SDL_Color(r: 255, g: 255, b: 255, a: 255)) {
            if let tex = SDL_CreateTextureFromSurface(renderer, surface) {
                SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND)
                l.texture = tex
            }
            l.width = surface.pointee.w
            l.height = surface.pointee.h
            SDL_FreeSurface(surface)
        }
        lines[key] = l
        return l
    }
}
