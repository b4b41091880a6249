import ArmKit
import CSDL2
import Glibc

/// Draws one frame of a scenario onto any SDL renderer: a window's, or a software renderer on an RGBA32 surface
/// for PNGs. The layout follows the renderer's output size in pixels (so resizes and high-DPI drawables are
/// handled), and line widths and fonts scale with it.
///
/// Use with the SDL lock held (`SDLSession.locked`).
final class SceneRenderer {
    let renderer: OpaquePointer
    let scenario: Scenario
    /// Drawable pixels per window point (2 on a Retina-style display, 1 otherwise).
    var density: Double
    private(set) var viewport: Viewport
    /// Multiplies every line width and font size.
    private(set) var uiScale: Double = 1
    let canvas: Canvas
    private(set) var text: TextRenderer
    private let path: PathSampler
    private var pathPixels: [PixelPoint] = []
    private var pathViewport: Viewport?
    var joints: [Point2D]
    private var trailPixels: [PixelPoint] = []
    private var trailColors: [RGBA] = []
    /// Pixel format of the cached static layer: the format the renderer draws into, so copying it is a memcpy.
    private let layerFormat: UInt32
    private var staticLayer: OpaquePointer?
    private var staticLayerKey: StaticLayerKey?
    private var staticLayerUnsupported = false
    /// Where the readout panel was drawn last (nil when hidden), and the badges.
    var hudRect: HUDRect?
    private(set) var badgeRects: [HUDRect] = []
    /// The view: zoom about the fitted view's centre, then a pan in metres (wheel, keys, right-drag).
    var zoom = 1.0 { didSet { refreshViewport() } }
    var pan = Point2D.origin { didSet { refreshViewport() } }
    /// The fitted view before zoom and pan.
    private var fitted: Viewport
    /// Overlays fed by the window (or the recorder): the recent signals for the strip charts.
    var signals: SignalHistory?
    /// The loss-landscape panel (key G): its grid, its texture, and where it was drawn last (nil when not).
    var landscapePanel = LandscapePanelModel()
    var landscapeTextures = LandscapeTextures()
    var landscapeRect: LandscapePanelLayout?

    /// Opens the fonts; throws naming the font file when it is missing.
    init(renderer: OpaquePointer, scenario: Scenario, density: Double = 1,
         layerFormat: UInt32 = UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue)) throws(RenderError) {
        self.renderer = renderer
        self.layerFormat = layerFormat
        self.scenario = scenario
        self.density = density
        canvas = Canvas(renderer: renderer)
        path = PathSampler(scenario: scenario)
        joints = Array(repeating: .origin, count: scenario.arm.jointCount + 1)
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &w, &h)
        fitted = SceneRenderer.viewport(for: scenario, path: path, width: Int(w), height: Int(h))
        viewport = fitted
        uiScale = SceneRenderer.uiScale(width: Int(w), height: Int(h), density: density)
        text = try TextRenderer(renderer: renderer, scale: uiScale)
    }

    private func refreshViewport() { viewport = fitted.transformed(zoom: zoom, pan: pan) }

    func close() {
        invalidateStaticLayer()
        releaseLandscapeTexture()
        text.close()
    }

    /// The viewport the scene uses for a drawable of the given size.
    static func viewport(for scenario: Scenario, path: PathSampler, width: Int, height: Int) -> Viewport {
        Viewport(arm: scenario.arm, extraPoints: path.points, pixelWidth: width, pixelHeight: height)
    }

    /// 1 for a 1280×800 window at density 1; grows with high-DPI, shrinks for small windows (to 0.62 at
    /// 640×400, where the readout must still fit beside the arm).
    static func uiScale(width: Int, height: Int, density: Double) -> Double {
        let points = Double(min(width, height)) / max(density, 1)
        return max(density, 1) * min(max(points / 800, 0.62), 1.6)
    }

    /// Re-reads the output size; rebuilds the viewport (and fonts when the scale changed).
    func updateLayout() throws(RenderError) {
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetRendererOutputSize(renderer, &w, &h)
        if w != fitted.pixelWidth || h != fitted.pixelHeight {
            fitted = SceneRenderer.viewport(for: scenario, path: path, width: Int(w), height: Int(h))
            refreshViewport()
        }
        let scale = SceneRenderer.uiScale(width: Int(w), height: Int(h), density: density)
        if abs(scale - uiScale) > 0.01 {
            uiScale = scale
            text.close()
            text = try TextRenderer(renderer: renderer, scale: scale)
        }
    }

    /// Draws the whole scene for `frame`. Does not present.
    func draw(frame: Frame, trail: TipTrail, status: SceneStatus) throws(RenderError) {
        try updateLayout()
        canvas.feather = max(1, uiScale)
        let insight = FrameInsight(scenario: scenario, frame: frame)
        let appearance = ArmAppearance(frame)
        // The panel's place first: its background is part of the cached static layer (filling it every frame
        // tripled the software renderer's draw time).
        let hud = layoutHUD(frame: frame, insight: insight, appearance: appearance, status: status)
        hudRect = hud?.rect
        if !copyStaticLayer() { drawStaticLayer() }

        drawTrail(trail, now: frame.t)
        drawTargetLink(frame)
        if status.showEllipse { drawEllipse(frame: frame, insight: insight) }
        drawArm(frame, color: appearance.color)
        drawJointHighlights(frame: frame, atLimit: insight.jointsAtLimit, grabbed: status.grabbedJoint)
        drawTarget(frame, dragging: status.dragging)
        if scenario.task == .pose { drawOrientationArrow(frame) }
        canvas.flush()

        if let hud { drawHUD(hud, accent: appearance.color, status: status) }
        badgeRects = drawBadges(SceneRenderer.badges(frame: frame, insight: insight, status: status))
        let hintsTop = drawHints(status: status)
        if status.showCharts, let signals { drawCharts(signals, bottom: hintsTop - 6 * uiScale) }
        if status.showLandscape {
            drawLandscape(frame: frame, bottom: hintsTop - 6 * uiScale, chartsShown: status.showCharts && signals != nil,
                          background: status.interactive && !status.paused && !status.finished)
        } else if landscapePanel.pair != nil {
            landscapePanel.rechoose()   // closing the panel forgets the pair: it is chosen again when it opens
            landscapeRect = nil
        }
        if status.showHelp { drawHelp() }
        text.endFrame()
    }

    /// Everything that does not change from frame to frame: background, grid, workspace, path, mount, scale.
    private func drawStaticLayer() {
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE)
        setColor(Palette.background)
        SDL_RenderClear(renderer)
        drawGrid()
        drawWorkspace()
        drawPath()
        drawMount()
        canvas.flush()
        drawWorkspaceLabels()
        drawScaleBar()
        if let hudRect { drawHUDBackground(hudRect) }
    }

    /// Copies the static layer from a cached render-target texture, drawing it there first when the layout
    /// changed. False when the renderer cannot render to textures (the caller then draws it directly).
    private func copyStaticLayer() -> Bool {
        guard !staticLayerUnsupported else { return false }
        let key = StaticLayerKey(viewport: viewport, uiScale: uiScale, hud: hudRect)
        if staticLayer == nil || staticLayerKey != key {
            if let old = staticLayer { SDL_DestroyTexture(old); staticLayer = nil }
            guard let texture = SDL_CreateTexture(renderer, layerFormat, Int32(SDL_TEXTUREACCESS_TARGET.rawValue),
                                                  Int32(viewport.pixelWidth), Int32(viewport.pixelHeight)) else {
                staticLayerUnsupported = true
                return false
            }
            guard SDL_SetRenderTarget(renderer, texture) == 0 else {
                SDL_DestroyTexture(texture)
                staticLayerUnsupported = true
                return false
            }
            drawStaticLayer()
            SDL_SetRenderTarget(renderer, nil)
            SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_NONE)
            staticLayer = texture
            staticLayerKey = key
        }
        SDL_RenderCopy(renderer, staticLayer, nil, nil)
        return true
    }

    /// Forget the cached static layer (after SDL reports lost render targets).
    func invalidateStaticLayer() {
        if let old = staticLayer { SDL_DestroyTexture(old) }
        staticLayer = nil
        staticLayerKey = nil
    }

    // MARK: world layers

    func setColor(_ c: RGBA) { SDL_SetRenderDrawColor(renderer, c.r, c.g, c.b, c.a) }

    private func drawGrid() {
        let vp = viewport
        let step = vp.niceStep(targetPixels: 90 * uiScale)
        let minor = step / 5
        let showMinor = vp.pixels(minor) >= 10 * uiScale
        let world = vp.visibleWorld
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_NONE)
        func lines(_ spacing: Double, _ color: RGBA, skipMultiplesOf major: Double?) {
            setColor(color)
            var k = (world.minX / spacing).rounded(.down)
            while k * spacing <= world.maxX {
                let x = k * spacing
                if let major, abs((x / major).rounded() * major - x) < spacing * 1e-6 { k += 1; continue }
                let px = Int32(vp.pixel(Point2D(x: x, y: 0)).x.rounded(.down))
                SDL_RenderDrawLine(renderer, px, 0, px, Int32(vp.pixelHeight))
                k += 1
            }
            k = (world.minY / spacing).rounded(.down)
            while k * spacing <= world.maxY {
                let y = k * spacing
                if let major, abs((y / major).rounded() * major - y) < spacing * 1e-6 { k += 1; continue }
                let py = Int32(vp.pixel(Point2D(x: 0, y: y)).y.rounded(.down))
                SDL_RenderDrawLine(renderer, 0, py, Int32(vp.pixelWidth), py)
                k += 1
            }
        }
        if showMinor { lines(minor, Palette.gridMinor, skipMultiplesOf: step) }
        lines(step, Palette.gridMajor, skipMultiplesOf: nil)
        // The world axes through the origin.
        setColor(Palette.axis)
        let o = vp.pixel(Point2D.origin)
        let ox = Int32(o.x.rounded(.down)), oy = Int32(o.y.rounded(.down))
        SDL_RenderDrawLine(renderer, ox, 0, ox, Int32(vp.pixelHeight))
        SDL_RenderDrawLine(renderer, 0, oy, Int32(vp.pixelWidth), oy)
    }

    private func drawWorkspace() {
        let arm = scenario.arm
        let c = viewport.pixel(arm.base)
        let outer = viewport.pixels(arm.reach)
        let inner = viewport.pixels(arm.innerRadius)
        canvas.fillRingSpans(c, inner: inner, outer: outer, Palette.workspaceFill, height: viewport.pixelHeight)
        canvas.strokeCircle(c, radius: outer, width: 1.5 * uiScale, Palette.workspaceEdge)
        if inner > 1 { canvas.strokeCircle(c, radius: inner, width: 1.5 * uiScale, Palette.workspaceEdge) }
    }

    private func drawWorkspaceLabels() {
        let arm = scenario.arm
        let c = viewport.pixel(arm.base)
        let r = viewport.pixels(arm.reach)
        let label = "reach \(HUDFormat.length(arm.reach))"   // never "0 mm": the unit follows the size
        let a = -Double.pi / 4
        let x = c.x + (r + 6 * uiScale) * cos(a)
        let y = c.y + (r + 6 * uiScale) * sin(a) - Double(text.lineHeight(.small))
        text.draw(label, x: x, y: y, .small, Palette.workspaceLabel)
        if arm.innerRadius > 0 {
            let ri = viewport.pixels(arm.innerRadius)
            text.draw("inner \(HUDFormat.length(arm.innerRadius))", x: c.x + ri * cos(a) + 4 * uiScale,
                      y: c.y + ri * sin(a) - Double(text.lineHeight(.small)), .small, Palette.workspaceLabel)
        }
    }

    private func drawPath() {
        if pathViewport != viewport {
            pathPixels = path.pixels(in: viewport, minPixels: 3 * uiScale)
            pathViewport = viewport
        }
        guard pathPixels.count >= 2 else { return }
        // Dashed (the plan, as opposed to the solid trail of where the tip went), and opaque (pre-blended) so the
        // laps of a periodic path do not pile up into a brighter line.
        let color = Palette.background.mixed(with: Palette.path.withAlpha(255), Double(Palette.path.a) / 255)
        let dash = 7 * uiScale, gap = 5 * uiScale
        var run: [PixelPoint] = []
        var colors: [RGBA] = []
        var along = 0.0  // position within the current dash+gap period
        var drawing = true
        func emit() {
            if run.count >= 2 {
                colors.removeAll(keepingCapacity: true)
                colors.append(contentsOf: repeatElement(color, count: run.count))
                canvas.strokePolyline(run, width: 1.6 * uiScale, colors: colors)
            }
            run.removeAll(keepingCapacity: true)
        }
        run.append(pathPixels[0])
        for i in 1..<pathPixels.count {
            var a = pathPixels[i - 1]
            let b = pathPixels[i]
            var remaining = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
            while remaining > 0 {
                let limit = drawing ? dash : gap
                let take = min(remaining, limit - along)
                let f = take / remaining
                let p = PixelPoint(x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f)
                if drawing { run.append(p) }
                along += take
                remaining -= take
                a = p
                if along >= limit - 1e-9 {
                    along = 0
                    if drawing { emit() } else { run.append(p) }
                    drawing.toggle()
                }
            }
        }
        if drawing { emit() }
    }

    private func drawTrail(_ trail: TipTrail, now: Double) {
        trailPixels.removeAll(keepingCapacity: true)
        trailColors.removeAll(keepingCapacity: true)
        let window = trail.window
        let minSq = 9 * uiScale * uiScale
        trail.forEach(now: now) { p, age in
            let q = viewport.pixel(p)
            // Segments of a few pixels: the software rasteriser drops coverage on tiny triangles.
            if let last = trailPixels.last, (q.x - last.x) * (q.x - last.x) + (q.y - last.y) * (q.y - last.y) < minSq { return }
            trailPixels.append(q)
            // Bright for most of the window, fading out at the old end.
            let u = age / window
            trailColors.append(Palette.trail.faded(1 - u * u))
        }
        guard trailPixels.count >= 2 else { return }
        // A soft glow under a bright core.
        let glow = trailColors.map { $0.faded(0.22) }
        canvas.strokePolyline(trailPixels, width: 9 * uiScale, colors: glow)
        canvas.strokePolyline(trailPixels, width: 3.5 * uiScale, colors: trailColors)
    }

    /// A dashed line from the tip to the target when they are visibly apart (an unreachable target, a drag).
    private func drawTargetLink(_ frame: Frame) {
        let a = viewport.pixel(frame.tip), b = viewport.pixel(frame.target)
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        // From just outside the tip dot to just outside the target ring.
        let start = 8 * uiScale, end = len - 12 * uiScale
        guard end - start > 4 * uiScale else { return }
        let color = (frame.status == .unreachable ? Palette.targetUnreachable : Palette.target).withAlpha(150)
        let dash = 6 * uiScale, gap = 4 * uiScale
        var d = start
        while d < end {
            let e = min(end, d + dash)
            canvas.line(PixelPoint(x: a.x + dx * d / len, y: a.y + dy * d / len),
                        PixelPoint(x: a.x + dx * e / len, y: a.y + dy * e / len), width: 1.5 * uiScale, color)
            d = e + gap
        }
    }

    /// Link half-width in pixels: thick for a few long links, thinner for many short ones.
    var linkRadius: Double { SceneRenderer.linkRadius(arm: scenario.arm, viewport: viewport, uiScale: uiScale) }

    static func linkRadius(arm: PlanarArm, viewport: Viewport, uiScale: Double) -> Double {
        let meanLink = viewport.pixels(arm.reach / Double(arm.jointCount))
        return min(max(0.11 * meanLink, 2 * uiScale), 9 * uiScale)
    }

    /// The base: a plinth with a hatched floor line under the first joint.
    private func drawMount() {
        let b = viewport.pixel(scenario.arm.base)
        let r = max(linkRadius * 1.9, 8 * uiScale)
        let topW = r * 1.6, botW = r * 2.6, h = r * 1.5
        canvas.fillConvex([PixelPoint(x: b.x - topW, y: b.y), PixelPoint(x: b.x + topW, y: b.y),
                           PixelPoint(x: b.x + botW, y: b.y + h), PixelPoint(x: b.x - botW, y: b.y + h)],
                          Palette.mountDark)
        canvas.line(PixelPoint(x: b.x - botW * 1.3, y: b.y + h), PixelPoint(x: b.x + botW * 1.3, y: b.y + h),
                    width: 2 * uiScale, Palette.mount)
        let hatch = r * 0.55
        var x = b.x - botW * 1.3 + hatch
        while x <= b.x + botW * 1.3 + 0.1 {
            canvas.line(PixelPoint(x: x, y: b.y + h), PixelPoint(x: x - hatch, y: b.y + h + hatch),
                        width: 1.2 * uiScale, Palette.mount)
            x += hatch
        }
        canvas.fillCircle(b, radius: r, Palette.mount)
        canvas.fillCircle(b, radius: r - 2 * uiScale, Palette.mountDark)
    }

    func drawArm(_ frame: Frame, color: RGBA) {
        let arm = scenario.arm
        frame.q.withUnsafeBufferPointer { q in
            joints.withUnsafeMutableBufferPointer { arm.jointPositions(q, into: $0) }
        }
        let r = linkRadius
        let outline = max(1.2, 1.5 * uiScale)
        let px = joints.map { viewport.pixel($0) }
        for i in 0..<(px.count - 1) { canvas.fillCapsule(px[i], px[i + 1], radius: r + outline, Palette.armOutline) }
        for i in 0..<(px.count - 1) { canvas.fillCapsule(px[i], px[i + 1], radius: r, color) }
        // A soft highlight along the upper edge of each link (light from above), so the bars read as solid.
        // It stays off the centre line, where the link shows its plain colour.
        let light = color.mixed(with: RGBA(255, 255, 255), 0.45).withAlpha(130)
        if r >= 4 {
            for i in 0..<(px.count - 1) {
                let dx = px[i + 1].x - px[i].x, dy = px[i + 1].y - px[i].y
                let len = (dx * dx + dy * dy).squareRoot()
                guard len > 1e-6 else { continue }
                var nx = -dy / len, ny = dx / len
                if ny > 0 || (ny == 0 && nx > 0) { nx = -nx; ny = -ny }  // the normal pointing up the screen
                let off = r * 0.5
                canvas.fillCapsule(PixelPoint(x: px[i].x + nx * off, y: px[i].y + ny * off),
                                   PixelPoint(x: px[i + 1].x + nx * off, y: px[i + 1].y + ny * off),
                                   radius: r * 0.22, light)
            }
        }
        // Joints: the base joint is larger; the others are rings with a dark core.
        let jr = max(r * 0.78, 2.5 * uiScale)
        canvas.fillCircle(px[0], radius: jr * 1.15 + outline, Palette.armOutline)
        canvas.fillCircle(px[0], radius: jr * 1.15, Palette.joint)
        canvas.fillCircle(px[0], radius: jr * 0.5, Palette.jointCore)
        if px.count > 2 {
            for i in 1..<(px.count - 1) {
                canvas.fillCircle(px[i], radius: jr, Palette.joint)
                canvas.fillCircle(px[i], radius: jr * 0.5, Palette.jointCore)
            }
        }
        // The tip: a bright dot ringed in the arm colour.
        let tip = px[px.count - 1]
        canvas.fillCircle(tip, radius: jr * 1.05 + outline, Palette.armOutline)
        canvas.fillCircle(tip, radius: jr * 1.05, color)
        canvas.fillCircle(tip, radius: jr * 0.6, Palette.tip)
    }

    private func drawTarget(_ frame: Frame, dragging: Bool) {
        let p = viewport.pixel(frame.target)
        let color = dragging ? Palette.targetDragged
            : frame.status == .unreachable ? Palette.targetUnreachable : Palette.target
        let s = uiScale
        canvas.strokeCircle(p, radius: 9 * s, width: 3.5 * s, Palette.armOutline.withAlpha(160))
        canvas.strokeCircle(p, radius: 9 * s, width: 2 * s, color)
        for (dx, dy) in [(1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0)] {
            canvas.line(PixelPoint(x: p.x + dx * 12 * s, y: p.y + dy * 12 * s),
                        PixelPoint(x: p.x + dx * 17 * s, y: p.y + dy * 17 * s), width: 2 * s, color)
        }
        canvas.fillCircle(p, radius: 2.2 * s, color)
    }

    private func drawScaleBar() {
        let s = uiScale
        let length = viewport.niceStep(targetPixels: 110 * s)
        let w = viewport.pixels(length)
        let x0 = 24 * s, y0 = Double(viewport.pixelHeight) - 26 * s
        canvas.line(PixelPoint(x: x0, y: y0), PixelPoint(x: x0 + w, y: y0), width: 2 * s, Palette.scaleBar)
        canvas.line(PixelPoint(x: x0, y: y0 - 6 * s), PixelPoint(x: x0, y: y0 + 1 * s), width: 2 * s, Palette.scaleBar)
        canvas.line(PixelPoint(x: x0 + w, y: y0 - 6 * s), PixelPoint(x: x0 + w, y: y0 + 1 * s), width: 2 * s,
                    Palette.scaleBar)
        canvas.flush()
        let label = HUDFormat.length(length)
        let tw = Double(text.width(label, .small))
        text.draw(label, x: x0 + (w - tw) / 2, y: y0 - 8 * s - Double(text.lineHeight(.small)), .small, Palette.scaleBar)
    }
}
