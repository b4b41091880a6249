import CSDL2

/// An offscreen picture for plots: an RGBA32 surface with a software renderer, the anti-aliased `Canvas` and a
/// `TextRenderer` sized to the picture. Create, draw, save and close it inside `SDLSession.locked`.
final class PlotSurface {
    let width: Int
    let height: Int
    let surface: UnsafeMutablePointer<SDL_Surface>
    let renderer: OpaquePointer
    let canvas: Canvas
    let text: TextRenderer
    /// Multiplies font sizes, line widths and margins: 1 at 1280×800, smaller for small pictures.
    let scale: Double
    private var closed = false

    init(width: Int, height: Int) throws(RenderError) {
        _ = try ImageSize(width: width, height: height)   // the one size rule for every picture
        let (surface, renderer) = try SoftwareSurface.make(width: width, height: height)
        scale = Self.scale(width: width, height: height)
        do {
            text = try TextRenderer(renderer: renderer, scale: scale)
        } catch {
            SDL_DestroyRenderer(renderer)
            SDL_FreeSurface(surface)
            throw error
        }
        self.width = width; self.height = height
        self.surface = surface; self.renderer = renderer
        canvas = Canvas(renderer: renderer)
        fill(PlotTheme.background)
    }

    func fill(_ c: RGBA) {
        SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a)
        SDL_RenderClear(renderer)
    }

    /// A solid rectangle drawn at once (not queued): bands and shading.
    func fillRect(_ r: PixelRect, _ c: RGBA) {
        canvas.flush()
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
        SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a)
        var rect = r.sdlRect
        SDL_RenderFillRect(renderer, &rect)
    }

    /// Draws text with its anchor at (x, y): `alignX` 0 left, 0.5 centre, 1 right; `alignY` likewise.
    func label(_ s: String, x: Double, y: Double, _ style: FontStyle = .small, _ color: RGBA = PlotTheme.ink,
               alignX: Double = 0, alignY: Double = 0) {
        canvas.flush()
        let w = Double(text.width(s, style)), h = Double(text.lineHeight(style))
        text.draw(s, x: x - alignX * w, y: y - alignY * h, style, color)
    }

    /// Scaled length: margins, line widths, marker sizes.
    func px(_ v: Double) -> Double { (v * scale).rounded() }

    /// The picture as PNG bytes.
    func png() throws(RenderError) -> [UInt8] {
        canvas.flush()
        SDL_RenderPresent(renderer)
        return try ImageEncoder.encode(surface, as: .png)
    }

    /// 1 at 1280×800, down to 0.72 for small pictures, up to 1.6 for large ones.
    static func scale(width: Int, height: Int) -> Double { min(max(Double(min(width, height)) / 800, 0.72), 1.6) }

    /// Draws a fresh picture with the SDL lock held and returns its PNG bytes.
    static func render(width: Int, height: Int, _ body: (PlotSurface) -> Void) throws(RenderError) -> [UInt8] {
        try SDLSession.locked { () throws(RenderError) in
            let s = try PlotSurface(width: width, height: height)
            defer { s.close() }
            body(s)
            return try s.png()
        }
    }

    func close() {
        guard !closed else { return }
        closed = true
        text.close()
        SDL_DestroyRenderer(renderer)
        SDL_FreeSurface(surface)
    }

    deinit { SDLSession.locked { close() } }
}

/// An axis-aligned rectangle in pixels.
struct PixelRect: Sendable, Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
    var sdlRect: SDL_Rect {
        let x0 = Int32(x.rounded()), y0 = Int32(y.rounded())
        return SDL_Rect(x: x0, y: y0, w: Int32(right.rounded()) - x0, h: Int32(bottom.rounded()) - y0)
    }
    func contains(_ p: PixelPoint) -> Bool { p.x >= x && p.x <= right && p.y >= y && p.y <= bottom }
}
