import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// Where the landscape panel went: its background, the heat map square, the colour bar, and the span of
/// (q_x, q_y) the map covers edge to edge.
struct LandscapePanelLayout: Equatable {
    var frame: HUDRect
    var map: HUDRect
    var bar: HUDRect
    var xSpan: ClosedRange<Double>
    var ySpan: ClosedRange<Double>

    /// The pixel of (q_x, q_y): x to the right, y up.
    func pixel(x: Double, y: Double) -> PixelPoint {
        PixelPoint(x: map.x + (x - xSpan.lowerBound) / (xSpan.upperBound - xSpan.lowerBound) * map.width,
                   y: map.maxY - (y - ySpan.lowerBound) / (ySpan.upperBound - ySpan.lowerBound) * map.height)
    }
}

/// The landscape panel's SDL textures: the grid's colours (64×64, scaled into the map) and the whole panel as
/// last drawn, with what it was drawn for.
struct LandscapeTextures {
    struct Key: Equatable {
        var layout: LandscapePanelLayout
        var generation: Int
        var criticalPoints: Int
        var uiScale: Double
    }
    var grid: OpaquePointer?
    var panel: OpaquePointer?
    var key: Key?
}

/// The live loss-landscape panel (key G): a heat map of L(q_i, q_j) over two joints with the current (q_i, q_j)
/// and the critical points (● minimum, ✕ saddle, ▲ maximum) marked, a colour bar with min/max, and a title naming
/// the joints. It stands in the right-hand column under the badges, above the strip charts when they show.
extension SceneRenderer {
    /// The strip charts' height when they show (the same cap as `drawCharts`: four charts of at most 52 px).
    private var chartsReserve: Double { 4 * (52 + 6) * uiScale + 6 * uiScale }

    /// The panel's place for this frame, or nil when the window leaves too little room for a useful map.
    func landscapeLayout(model: LandscapePanelModel, bottom: Double, chartsShown: Bool) -> LandscapePanelLayout? {
        guard let grid = model.grid, let pair = model.pair else { return nil }
        let s = uiScale, pad = 6 * s
        let titleH = Double(text.lineHeight(.small)) + 2 * s
        let labelW = Double(text.width("8.88e-88", .small)) + 4 * s
        let barW = 8 * s
        let right = Double(viewport.pixelWidth) - 12 * s
        let left = max(right - min(280 * s, Double(viewport.pixelWidth) * 0.4), (hudRect?.maxX ?? 0) + 10 * s)
        let top = (badgeRects.map(\.maxY).max() ?? 0) + 10 * s
        let limit = chartsShown ? bottom - chartsReserve : bottom
        let side = min(right - left - 2 * pad - 2 * pad - barW - labelW, limit - top - titleH - 2 * pad).rounded(.down)
        guard side >= 48 * s else { return nil }
        let width = side + 2 * pad + 2 * pad + barW + labelW
        let frame = HUDRect(x: right - width, y: top, width: width, height: side + titleH + 2 * pad)
        let map = HUDRect(x: frame.x + pad, y: frame.y + pad + titleH, width: side, height: side)
        let bar = HUDRect(x: map.maxX + 2 * pad, y: map.y, width: barW, height: side)
        // Half a grid step beyond ±range each way, so each texel's centre is exactly its grid point.
        let half = grid.range / Double(grid.resolution - 1)
        let cx = grid.slice.center[pair.x], cy = grid.slice.center[pair.y]
        return LandscapePanelLayout(frame: frame, map: map, bar: bar,
                                    xSpan: (cx - grid.range - half)...(cx + grid.range + half),
                                    ySpan: (cy - grid.range - half)...(cy + grid.range + half))
    }

    /// Updates the model for `frame` (recomputing the grid only past its thresholds) and draws the panel: the
    /// cached panel texture, then the markers. `background`: search for critical points off this thread (a playing
    /// window: the next frames pick the result up).
    func drawLandscape(frame: Frame, bottom: Double, chartsShown: Bool, background: Bool) {
        landscapePanel.searchesInBackground = background
        if landscapePanel.update(scenario: scenario, frame: frame) || landscapeTextures.grid == nil {
            uploadLandscapeTexture()
        }
        guard let layout = landscapeLayout(model: landscapePanel, bottom: bottom, chartsShown: chartsShown),
              landscapeTextures.grid != nil else {
            landscapeRect = nil
            return
        }
        landscapeRect = layout
        let key = LandscapeTextures.Key(layout: layout, generation: landscapePanel.generation,
                                        criticalPoints: landscapePanel.criticalPoints.count, uiScale: uiScale)
        // Cached for the software renderer; a GPU renderer draws it directly (switching render targets each time
        // the grid changes stalled OpenGL on llvmpipe by several milliseconds, measured).
        if !(isSoftwareRenderer && copyLandscapePanel(key)) { drawLandscapePanel(layout) }
        var clip = SDL_Rect(x: Int32(layout.map.x), y: Int32(layout.map.y), w: Int32(layout.map.width),
                            h: Int32(layout.map.height))
        SDL_RenderSetClipRect(renderer, &clip)
        for p in landscapePanel.criticalPoints {
            drawLandscapeMarker(LandscapePanelPalette.marker(p.kind), at: layout.pixel(x: p.x, y: p.y))
        }
        if let q = landscapePanel.displayed(frame.q, task: scenario.task) {
            drawCurrentMarker(at: layout.pixel(x: q.x, y: q.y))
        }
        canvas.flush()
        SDL_RenderSetClipRect(renderer, nil)
    }

    private var isSoftwareRenderer: Bool {
        var info = SDL_RendererInfo()
        guard SDL_GetRendererInfo(renderer, &info) == 0, let name = info.name else { return true }
        return String(cString: name) == "software"
    }

    /// Copies the panel (background, map, colour bar, labels) from its cached texture, drawing it there first
    /// when the grid or the layout changed: redrawn every frame it cost about 2 ms with the software renderer.
    /// False when the renderer cannot render to textures.
    private func copyLandscapePanel(_ key: LandscapeTextures.Key) -> Bool {
        let frame = key.layout.frame
        var dst = SDL_Rect(x: Int32(frame.x.rounded(.down)), y: Int32(frame.y.rounded(.down)),
                           w: Int32(frame.width.rounded(.up)) + 1, h: Int32(frame.height.rounded(.up)) + 1)
        if landscapeTextures.panel == nil || landscapeTextures.key != key {
            if let old = landscapeTextures.panel { SDL_DestroyTexture(old); landscapeTextures.panel = nil }
            guard let texture = SDL_CreateTexture(renderer, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue),
                                                  Int32(SDL_TEXTUREACCESS_TARGET.rawValue), dst.w, dst.h) else { return false }
            guard SDL_SetRenderTarget(renderer, texture) == 0 else { SDL_DestroyTexture(texture); return false }
            SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE)
            SDL_SetRenderDrawColor(renderer, 0, 0, 0, 0)
            SDL_RenderClear(renderer)
            // Drawn in the texture's coordinates: the panel's top left at (frame.x − dst.x, frame.y − dst.y).
            var local = key.layout
            let dx = Double(dst.x), dy = Double(dst.y)
            for r in [\LandscapePanelLayout.frame, \.map, \.bar] {
                local[keyPath: r].x -= dx; local[keyPath: r].y -= dy
            }
            drawLandscapePanel(local)
            SDL_SetRenderTarget(renderer, nil)
            SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND)
            landscapeTextures.panel = texture
            landscapeTextures.key = key
        }
        SDL_RenderCopy(renderer, landscapeTextures.panel, nil, &dst)
        return true
    }

    /// The panel's unchanging part: opaque rounded background, the heat map, the colour bar, title and labels.
    private func drawLandscapePanel(_ layout: LandscapePanelLayout) {
        guard let grid = landscapePanel.grid, let pair = landscapePanel.pair, let texture = landscapeTextures.grid else {
            return
        }
        let s = uiScale
        let fill = Palette.background.mixed(with: Palette.chartBackground.withAlpha(255), Double(Palette.chartBackground.a) / 255)
        canvas.fillRoundedRect(x: layout.frame.x, y: layout.frame.y, w: layout.frame.width, h: layout.frame.height,
                               radius: 6 * s, fill)
        canvas.flush()
        var dst = SDL_Rect(x: Int32(layout.map.x), y: Int32(layout.map.y), w: Int32(layout.map.width),
                           h: Int32(layout.map.height))
        SDL_RenderCopy(renderer, texture, nil, &dst)
        drawLandscapeBar(layout)
        canvas.flush()
        let unit = scenario.task == .pose ? "m², rad²" : "m²"
        let title = "L(q\(pair.x), q\(pair.y)) in \(unit), ±π · \(landscapePanel.criticalPoints.count) critical"
        text.draw(title, x: layout.map.x, y: layout.frame.y + 4 * s, .small, Palette.textDim)
        let barLabelX = layout.bar.maxX + 4 * s
        text.draw(HUDFormat.value(grid.maximum), x: barLabelX, y: layout.bar.y - 2 * s, .small, Palette.textDim)
        text.draw(HUDFormat.value(grid.minimum), x: barLabelX,
                  y: layout.bar.maxY - Double(text.lineHeight(.small)) + 2 * s, .small, Palette.textDim)
    }

    /// The colour bar: the colour map from the grid's minimum (bottom) to its maximum (top).
    private func drawLandscapeBar(_ layout: LandscapePanelLayout) {
        let bar = layout.bar
        let rows = max(1, Int(bar.height))
        for k in 0..<rows {
            let t = 1 - (Double(k) + 0.5) / Double(rows)
            canvas.fillRect(x: bar.x, y: bar.y + Double(k), w: bar.width, h: 1, LandscapePanelPalette.color(t))
        }
    }

    /// The current (q_x, q_y): a white dot in a dark ring with a white halo, readable on any colour of the map.
    private func drawCurrentMarker(at p: PixelPoint) {
        let s = uiScale
        canvas.strokeCircle(p, radius: 6 * s, width: 4 * s, RGBA(hex: 0xFFFFFF))
        canvas.strokeCircle(p, radius: 6 * s, width: 2 * s, Palette.armOutline)
        canvas.fillCircle(p, radius: 2.5 * s, RGBA(hex: 0xFFFFFF))
    }

    /// ● ✕ ▲ as in the `landscape` picture, smaller.
    private func drawLandscapeMarker(_ style: (LandscapePanelPalette.Marker, RGBA), at p: PixelPoint) {
        let s = uiScale, r = 4.5 * s, halo = RGBA(hex: 0xFFFFFF), edge = 1.6 * s
        let (marker, color) = style
        switch marker {
        case .disc:
            canvas.fillCircle(p, radius: r + edge / 2, halo)
            canvas.fillCircle(p, radius: r - edge / 2, color)
        case .ring:
            canvas.strokeCircle(p, radius: r, width: edge * 2, halo)
            canvas.strokeCircle(p, radius: r, width: edge, color)
        case .cross:
            let d = r * 0.8
            for (w, c) in [(edge * 2.2, halo), (edge, color)] {
                canvas.line(PixelPoint(x: p.x - d, y: p.y - d), PixelPoint(x: p.x + d, y: p.y + d), width: w, c)
                canvas.line(PixelPoint(x: p.x - d, y: p.y + d), PixelPoint(x: p.x + d, y: p.y - d), width: w, c)
            }
        case .triangle:
            for (k, c) in [(1.0 + edge / r, halo), (1.0, color)] {
                canvas.fillConvex([PixelPoint(x: p.x, y: p.y - r * k), PixelPoint(x: p.x + 0.87 * r * k, y: p.y + 0.5 * r * k),
                                   PixelPoint(x: p.x - 0.87 * r * k, y: p.y + 0.5 * r * k)], c)
            }
        }
    }

    /// Colours the grid into a streaming texture (one texel per grid point, row 0 at the top = largest q_y),
    /// scaled up by SDL_RenderCopy each frame: a 64×64 upload only when the grid was recomputed.
    private func uploadLandscapeTexture() {
        guard let grid = landscapePanel.grid else { return }
        let n = grid.resolution
        if landscapeTextures.grid == nil {
            landscapeTextures.grid = SDL_CreateTexture(renderer, UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue),
                                                       Int32(SDL_TEXTUREACCESS_STREAMING.rawValue), Int32(n), Int32(n))
            if let t = landscapeTextures.grid { SDL_SetTextureScaleMode(t, SDL_ScaleModeLinear) }
        }
        guard let texture = landscapeTextures.grid else { return }
        var pixels = [UInt32](repeating: 0, count: n * n)
        for row in 0..<n {
            for column in 0..<n {
                let c = LandscapePanelPalette.color(grid.values[row * n + column], lower: grid.minimum, upper: grid.maximum)
                pixels[(n - 1 - row) * n + column] = 0xFF00_0000 | UInt32(c.r) << 16 | UInt32(c.g) << 8 | UInt32(c.b)
            }
        }
        _ = pixels.withUnsafeBytes { SDL_UpdateTexture(texture, nil, $0.baseAddress, Int32(n * 4)) }
    }

    /// Releases the panel's textures (closing, or after SDL lost its textures).
    func releaseLandscapeTexture() {
        for t in [landscapeTextures.grid, landscapeTextures.panel] { if let t { SDL_DestroyTexture(t) } }
        landscapeTextures = LandscapeTextures()
    }
}
