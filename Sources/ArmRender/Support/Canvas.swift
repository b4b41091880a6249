import CSDL2
import Glibc

/// Anti-aliased filled shapes on any SDL renderer, batched into one `SDL_RenderGeometry` call.
///
/// Every shape is a triangle mesh whose edges carry a one-pixel "feather": an outer ring of vertices with
/// alpha 0, so the rasteriser's colour interpolation fades the edge (the technique Dear ImGui uses). That gives
/// smooth links, joints and trails on the software renderer as well as on OpenGL, with sub-pixel positions,
/// and one draw call for hundreds of shapes.
///
/// Shapes are queued; `flush()` submits them. Anything drawn with plain SDL calls (text, grid lines) must come
/// after a `flush()` of the shapes meant to be underneath.
final class Canvas {
    let renderer: OpaquePointer
    /// Width of the anti-aliasing fringe, pixels.
    var feather: Double = 1.0
    private var vertices: [SDL_Vertex] = []
    private var indices: [Int32] = []
    private var scratch: [PixelPoint] = []

    init(renderer: OpaquePointer) {
        self.renderer = renderer
        vertices.reserveCapacity(8192)
        indices.reserveCapacity(16384)
    }

    /// Submits the queued triangles.
    func flush() {
        guard !indices.isEmpty else { return }
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
        vertices.withUnsafeBufferPointer { v in
            indices.withUnsafeBufferPointer { i in
                _ = SDL_RenderGeometry(renderer, nil, v.baseAddress, Int32(v.count), i.baseAddress, Int32(i.count))
            }
        }
        vertices.removeAll(keepingCapacity: true)
        indices.removeAll(keepingCapacity: true)
    }

    // MARK: shapes

    /// A filled disc.
    func fillCircle(_ c: PixelPoint, radius: Double, _ color: RGBA) {
        guard radius > 0, color.a > 0 else { return }
        let n = Canvas.segments(forRadius: radius + feather)
        scratch.removeAll(keepingCapacity: true)
        for i in 0..<n {
            let a = Double(i) / Double(n) * 2 * .pi
            scratch.append(PixelPoint(x: c.x + radius * cos(a), y: c.y + radius * sin(a)))
        }
        fillConvex(scratch, color)
    }

    /// A filled ring between two radii (a circle outline when the radii are close).
    func fillRing(_ c: PixelPoint, inner: Double, outer: Double, _ color: RGBA) {
        guard outer > 0, outer > inner, color.a > 0 else { return }
        if inner <= 0 { fillCircle(c, radius: outer, color); return }
        let n = Canvas.segments(forRadius: outer + feather)
        // A ring thinner than the fringe: one strip, faded by its width.
        let width = outer - inner
        let f = feather / 2
        let col = width < feather ? color.faded(width / feather) : color
        let mid = (inner + outer) / 2
        let coreIn = width < feather ? mid : inner + f
        let coreOut = width < feather ? mid : outer - f
        let radii = [coreIn - (width < feather ? f : feather), coreIn, coreOut, coreOut + (width < feather ? f : feather)]
        let alphas: [UInt8] = [0, col.a, col.a, 0]
        let base = Int32(vertices.count)
        for i in 0..<n {
            let a = Double(i) / Double(n) * 2 * .pi
            let (s, co) = (sin(a), cos(a))
            for k in 0..<4 {
                let r = max(0, radii[k])
                vertices.append(vertex(PixelPoint(x: c.x + r * co, y: c.y + r * s), col.withAlpha(alphas[k])))
            }
        }
        for i in 0..<n {
            let j = (i + 1) % n
            let a = base + Int32(i * 4), b = base + Int32(j * 4)
            for k in 0..<3 { quad(a + Int32(k), a + Int32(k + 1), b + Int32(k + 1), b + Int32(k)) }
        }
    }

    /// A large, faint annulus (the workspace) as one-pixel rows of rectangles: exact, and far cheaper on the
    /// software renderer than big triangles. Not anti-aliased: stroke the edges on top. Draws immediately.
    func fillRingSpans(_ c: PixelPoint, inner: Double, outer: Double, _ color: RGBA, height: Int) {
        guard outer > 0, color.a > 0 else { return }
        flush()
        var rects: [SDL_Rect] = []
        let top = max(0, Int((c.y - outer).rounded(.down))), bottom = min(height - 1, Int((c.y + outer).rounded(.up)))
        guard top <= bottom else { return }
        rects.reserveCapacity(2 * (bottom - top + 1))
        for row in top...bottom {
            let dy = Double(row) + 0.5 - c.y
            let ho = outer * outer - dy * dy
            guard ho > 0 else { continue }
            let xo = ho.squareRoot()
            let hi = inner * inner - dy * dy
            let x0 = Int((c.x - xo).rounded()), x1 = Int((c.x + xo).rounded())
            if inner > 0, hi > 0 {
                let xi = hi.squareRoot()
                let i0 = Int((c.x - xi).rounded()), i1 = Int((c.x + xi).rounded())
                if i0 > x0 { rects.append(SDL_Rect(x: Int32(x0), y: Int32(row), w: Int32(i0 - x0), h: 1)) }
                if x1 > i1 { rects.append(SDL_Rect(x: Int32(i1), y: Int32(row), w: Int32(x1 - i1), h: 1)) }
            } else if x1 > x0 {
                rects.append(SDL_Rect(x: Int32(x0), y: Int32(row), w: Int32(x1 - x0), h: 1))
            }
        }
        SDL_SetRenderDrawBlendMode(renderer, SDL_BLENDMODE_BLEND)
        SDL_SetRenderDrawColor(renderer, color.r, color.g, color.b, color.a)
        _ = rects.withUnsafeBufferPointer { SDL_RenderFillRects(renderer, $0.baseAddress, Int32($0.count)) }
    }

    /// A circle outline of the given stroke width.
    func strokeCircle(_ c: PixelPoint, radius: Double, width: Double, _ color: RGBA) {
        fillRing(c, inner: radius - width / 2, outer: radius + width / 2, color)
    }

    /// A bar from `a` to `b` with round ends: the shape of a link.
    func fillCapsule(_ a: PixelPoint, _ b: PixelPoint, radius: Double, _ color: RGBA) {
        guard radius > 0, color.a > 0 else { return }
        let dx = b.x - a.x, dy = b.y - a.y
        let len = (dx * dx + dy * dy).squareRoot()
        guard len > 1e-6 else { fillCircle(a, radius: radius, color); return }
        let ang = atan2(dy, dx)
        let half = max(4, Canvas.segments(forRadius: radius + feather) / 2)
        scratch.removeAll(keepingCapacity: true)
        // Round end at b, from +90° to −90° relative to the direction, then round end at a.
        for i in 0...half {
            let t = ang - .pi / 2 + Double(i) / Double(half) * .pi
            scratch.append(PixelPoint(x: b.x + radius * cos(t), y: b.y + radius * sin(t)))
        }
        for i in 0...half {
            let t = ang + .pi / 2 + Double(i) / Double(half) * .pi
            scratch.append(PixelPoint(x: a.x + radius * cos(t), y: a.y + radius * sin(t)))
        }
        fillConvex(scratch, color)
    }

    /// An axis-aligned rectangle with rounded corners.
    func fillRoundedRect(x: Double, y: Double, w: Double, h: Double, radius: Double, _ color: RGBA) {
        guard w > 0, h > 0, color.a > 0 else { return }
        let r = min(radius, w / 2, h / 2)
        scratch.removeAll(keepingCapacity: true)
        let corners = [(x + w - r, y + r, -Double.pi / 2), (x + w - r, y + h - r, 0.0),
                       (x + r, y + h - r, Double.pi / 2), (x + r, y + r, Double.pi)]
        let steps = r > 0 ? max(2, Canvas.segments(forRadius: r) / 4) : 0
        for (cx, cy, start) in corners {
            if steps == 0 { scratch.append(PixelPoint(x: cx, y: cy)); continue }
            for i in 0...steps {
                let t = start + Double(i) / Double(steps) * .pi / 2
                scratch.append(PixelPoint(x: cx + r * cos(t), y: cy + r * sin(t)))
            }
        }
        fillConvex(scratch, color)
    }

    /// A rectangle with sharp corners (no fringe needed when axis-aligned on whole pixels).
    func fillRect(x: Double, y: Double, w: Double, h: Double, _ color: RGBA) {
        fillConvex([PixelPoint(x: x, y: y), PixelPoint(x: x + w, y: y),
                     PixelPoint(x: x + w, y: y + h), PixelPoint(x: x, y: y + h)], color, featherEdges: false)
    }

    /// A stroked open polyline with per-point colours (for the fading trail) and mitred joins. Corners sharper
    /// than 120° are not mitred (that would make spikes): the line is split there into runs sharing the corner.
    func strokePolyline(_ points: [PixelPoint], width: Double, colors: [RGBA]) {
        let n = points.count
        guard n >= 2, colors.count == n else { return }
        var runStart = 0
        for i in 1..<(n - 1) {
            let ax = points[i].x - points[i - 1].x, ay = points[i].y - points[i - 1].y
            let bx = points[i + 1].x - points[i].x, by = points[i + 1].y - points[i].y
            let la = (ax * ax + ay * ay).squareRoot(), lb = (bx * bx + by * by).squareRoot()
            guard la > 1e-9, lb > 1e-9 else { continue }
            if (ax * bx + ay * by) / (la * lb) < -0.5 {
                strokeRun(points[runStart...i], width: width, colors: colors[runStart...i])
                runStart = i
            }
        }
        strokeRun(points[runStart...], width: width, colors: colors[runStart...])
    }

    private func strokeRun(_ points: ArraySlice<PixelPoint>, width: Double, colors: ArraySlice<RGBA>) {
        let points = Array(points), colors = Array(colors)
        let n = points.count
        guard n >= 2 else { return }
        // Lines thinner than a pixel are drawn one pixel wide and fainter.
        let w = max(width, 1)
        let alphaScale = min(width, 1)
        let core = max(0, w / 2 - feather / 2)
        let outer = w / 2 + feather / 2
        let base = Int32(vertices.count)
        for i in 0..<n {
            // Normal at point i: the average of the adjacent segments' normals, lengthened for the miter.
            let p = points[i]
            let prev = points[max(0, i - 1)], next = points[min(n - 1, i + 1)]
            var (n1x, n1y) = Canvas.normal(prev, p) ?? Canvas.normal(p, next) ?? (0, 0)
            var (n2x, n2y) = Canvas.normal(p, next) ?? (n1x, n1y)
            if i == 0 { (n1x, n1y) = (n2x, n2y) }
            if i == n - 1 { (n2x, n2y) = (n1x, n1y) }
            var mx = n1x + n2x, my = n1y + n2y
            let ml = (mx * mx + my * my).squareRoot()
            if ml < 1e-9 { mx = n1x; my = n1y } else { mx /= ml; my /= ml }
            let cosHalf = max(0.5, mx * n1x + my * n1y)  // cap the miter at 2×
            mx /= cosHalf; my /= cosHalf
            let c = colors[i].faded(alphaScale)
            let clear = c.withAlpha(0)
            vertices.append(vertex(PixelPoint(x: p.x + mx * outer, y: p.y + my * outer), clear))
            vertices.append(vertex(PixelPoint(x: p.x + mx * core, y: p.y + my * core), c))
            vertices.append(vertex(PixelPoint(x: p.x - mx * core, y: p.y - my * core), c))
            vertices.append(vertex(PixelPoint(x: p.x - mx * outer, y: p.y - my * outer), clear))
        }
        for i in 0..<(n - 1) {
            let a = base + Int32(i * 4), b = a + 4
            for k in 0..<3 { quad(a + Int32(k), a + Int32(k + 1), b + Int32(k + 1), b + Int32(k)) }
        }
    }

    /// A straight line segment of the given width, flat ends.
    func line(_ a: PixelPoint, _ b: PixelPoint, width: Double, _ color: RGBA) {
        strokePolyline([a, b], width: width, colors: [color, color])
    }

    // MARK: mesh building

    /// A convex polygon (points in order, either winding) with a feathered edge.
    func fillConvex(_ pts: [PixelPoint], _ color: RGBA, featherEdges: Bool = true) {
        let n = pts.count
        guard n >= 3, color.a > 0 else { return }
        // Orientation, so "outward" is known.
        var area = 0.0
        for i in 0..<n { let j = (i + 1) % n; area += pts[i].x * pts[j].y - pts[j].x * pts[i].y }
        let sign: Double = area >= 0 ? -1 : 1  // y-down pixels: positive area is clockwise on screen
        let base = Int32(vertices.count)
        let f = featherEdges ? feather / 2 : 0
        for i in 0..<n {
            let p = pts[i]
            var ox = 0.0, oy = 0.0
            if f > 0 {
                let prev = pts[(i + n - 1) % n], next = pts[(i + 1) % n]
                let (ax, ay) = Canvas.normal(prev, p) ?? (0, 0)
                let (bx, by) = Canvas.normal(p, next) ?? (ax, ay)
                var mx = ax + bx, my = ay + by
                let ml = (mx * mx + my * my).squareRoot()
                if ml > 1e-9 { mx /= ml; my /= ml }
                let cosHalf = max(0.5, mx * ax + my * ay)
                ox = sign * mx / cosHalf * f
                oy = sign * my / cosHalf * f
            }
            vertices.append(vertex(PixelPoint(x: p.x - ox, y: p.y - oy), color))
            if f > 0 { vertices.append(vertex(PixelPoint(x: p.x + ox, y: p.y + oy), color.withAlpha(0))) }
        }
        let stride: Int32 = f > 0 ? 2 : 1
        // Fan from the centroid, not from a corner: the software rasteriser works on each triangle's bounding box,
        // and corner fans of a long shape are all long, thin, overlapping boxes.
        var cx = 0.0, cy = 0.0
        for p in pts { cx += p.x; cy += p.y }
        let center = Int32(vertices.count)
        vertices.append(vertex(PixelPoint(x: cx / Double(n), y: cy / Double(n)), color))
        for i in 0..<n {
            let j = (i + 1) % n
            indices.append(center); indices.append(base + Int32(i) * stride); indices.append(base + Int32(j) * stride)
        }
        if f > 0 {
            for i in 0..<n {
                let j = (i + 1) % n
                let a = base + Int32(i) * 2, b = base + Int32(j) * 2
                quad(a, a + 1, b + 1, b)
            }
        }
    }

    private func quad(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) {
        indices.append(a); indices.append(b); indices.append(c)
        indices.append(a); indices.append(c); indices.append(d)
    }

    private func vertex(_ p: PixelPoint, _ c: RGBA) -> SDL_Vertex {
        SDL_Vertex(position: SDL_FPoint(x: Float(p.x), y: Float(p.y)),
                   color: SDL_Color(r: c.r, g: c.g, b: c.b, a: c.a),
                   tex_coord: SDL_FPoint(x: 0, y: 0))
    }

    /// The unit normal (left of the direction a→b in screen space), nil for a degenerate segment.
    private static func normal(_ a: PixelPoint, _ b: PixelPoint) -> (Double, Double)? {
        let dx = b.x - a.x, dy = b.y - a.y
        let l = (dx * dx + dy * dy).squareRoot()
        guard l > 1e-9 else { return nil }
        return (-dy / l, dx / l)
    }

    /// Enough segments that the chord never strays more than a fifth of a pixel from the arc.
    static func segments(forRadius r: Double) -> Int {
        guard r > 0.5 else { return 8 }
        let n = Double.pi / acos(max(-1, 1 - 0.2 / r))
        return min(360, max(12, Int(n.rounded(.up))))
    }
}
