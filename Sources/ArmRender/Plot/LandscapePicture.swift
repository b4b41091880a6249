import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// The loss-landscape picture: a heat map of L over two joints with contour lines, a colour bar, the current
/// q, the critical points (● minimum, ✕ saddle, ▲ maximum) and any solver paths, with a legend.
public struct LandscapePicture {
    public struct Path {
        public var label: String
        /// (q[x], q[y]) of each iterate.
        public var points: [(Double, Double)]
        public init(label: String, points: [(Double, Double)]) { self.label = label; self.points = points }
    }

    public let grid: LossGrid
    public var criticalPoints: [CriticalPoint] = []
    public var paths: [Path] = []
    public var title = ""

    public init(grid: LossGrid) { self.grid = grid }

    static let minimumColor = ColorMap.minimum
    static let saddleColor = ColorMap.saddle
    static let maximumColor = ColorMap.maximum
    static let currentColor = RGBA(hex: 0x000000)
    static let pathColors: [RGBA] = [0x22D3EE, 0xFF7F0E, 0xF472B6, 0xA3E635, 0xFFFFFF].map { RGBA(hex: $0) }

    /// The picture as PNG bytes.
    public func png(width: Int, height: Int) throws(RenderError) -> [UInt8] {
        try PlotSurface.render(width: width, height: height, draw)
    }

    /// Where the heat map and the colour bar go at this size (tests find pixels through it).
    func layout(scale: Double, width: Int, height: Int) -> (axes: PlotAxes, bar: PixelRect) {
        let cx = grid.slice.center[grid.xJoint], cy = grid.slice.center[grid.yJoint]
        return SquareMapLayout.place(scale: scale, width: width, height: height,
                                     x: (cx - grid.range, cx + grid.range), y: (cy - grid.range, cy + grid.range))
    }

    func draw(_ s: PlotSurface) {
        let (axes, bar) = layout(scale: s.scale, width: s.width, height: s.height)
        let colors = ColorScale(lower: grid.minimum, upper: grid.maximum)
        HeatMap.draw(s, in: axes.rect) { p in colors.color(value(at: p, axes)) }
        drawContours(s, axes)
        SDL_RenderSetClipRect(s.renderer, [axes.rect.sdlRect])
        drawPaths(s, axes)
        drawMarkers(s, axes)
        s.canvas.flush()
        SDL_RenderSetClipRect(s.renderer, nil)
        axes.drawFrame(s, xLabel: "q\(grid.xJoint) (rad)", yLabel: "q\(grid.yJoint) (rad)")
        ColorBar(rect: bar, scale: colors, label: grid.slice.task == .pose ? "L = ½‖e‖² (m², rad²)" : "L = ½‖e‖² (m²)").draw(s)
        legend().draw(s, right: bar.right + s.px(78), top: bar.y, anchorLeft: true)
        s.label(title, x: axes.rect.x, y: s.px(6), .body, PlotTheme.ink)
    }

    /// The grid value nearest a pixel's centre.
    func value(at p: PixelPoint, _ axes: PlotAxes) -> Double {
        let n = grid.resolution
        func index(_ v: Double, _ c: Double) -> Int {
            min(n - 1, max(0, Int(((v - (c - grid.range)) / (2 * grid.range) * Double(n - 1)).rounded())))
        }
        let column = index(axes.x.value(atPixel: p.x), grid.slice.center[grid.xJoint])
        let row = index(axes.y.value(atPixel: p.y), grid.slice.center[grid.yJoint])
        return grid.values[row * n + column]
    }

    private func drawContours(_ s: PlotSurface, _ axes: PlotAxes) {
        let n = grid.resolution
        let levels = NiceTicks.values(lower: grid.minimum, upper: grid.maximum, count: 10)
            .filter { $0 > grid.minimum && $0 < grid.maximum }
        let color = RGBA(hex: 0xFFFFFF, alpha: 120), w = max(1, s.px(1.2))
        let x0 = grid.slice.center[grid.xJoint] - grid.range, y0 = grid.slice.center[grid.yJoint] - grid.range
        let step = 2 * grid.range / Double(n - 1)
        for level in levels {
            for seg in ContourLines.segments(grid.values, columns: n, rows: n, level: level) {
                s.canvas.line(axes.pixel(x0 + seg.a.0 * step, y0 + seg.a.1 * step),
                              axes.pixel(x0 + seg.b.0 * step, y0 + seg.b.1 * step), width: w, color)
            }
        }
        s.canvas.flush()
    }

    private func drawPaths(_ s: PlotSurface, _ axes: PlotAxes) {
        for (i, path) in paths.enumerated() where !path.points.isEmpty {
            let color = Self.pathColors[i % Self.pathColors.count]
            let pixels = path.points.map { axes.pixel($0.0, $0.1) }
            s.canvas.strokePolyline(pixels, width: s.px(2.2), colors: Array(repeating: color, count: pixels.count))
            for p in pixels { s.canvas.fillCircle(p, radius: s.px(2.6), color) }
        }
    }

    private func drawMarkers(_ s: PlotSurface, _ axes: PlotAxes) {
        let size = s.px(15)
        let cx = grid.slice.center[grid.xJoint], cy = grid.slice.center[grid.yJoint]
        PlotMarker.ring.draw(s, at: axes.pixel(cx, cy), size: size * 1.7, Self.currentColor)
        for p in criticalPoints {
            let (marker, color) = Self.style(p.kind)
            marker.draw(s, at: axes.pixel(p.x, p.y), size: size, color)
        }
    }

    static func style(_ kind: CriticalPointKind) -> (PlotMarker, RGBA) {
        switch kind {
        case .minimum: (.disc, minimumColor)
        case .saddle: (.cross, saddleColor)
        case .maximum: (.triangle, maximumColor)
        case .degenerate: (.ring, ColorMap.degenerate)
        }
    }

    private func legend() -> PlotLegend {
        var entries: [PlotLegend.Entry] = [
            .init(swatch: .marker(.disc), color: Self.minimumColor, text: "minimum"),
            .init(swatch: .marker(.cross), color: Self.saddleColor, text: "saddle"),
            .init(swatch: .marker(.triangle), color: Self.maximumColor, text: "maximum"),
            .init(swatch: .marker(.ring), color: Self.currentColor, text: "current q"),
        ]
        if criticalPoints.contains(where: { $0.kind == .degenerate }) {
            entries.append(.init(swatch: .marker(.ring), color: ColorMap.degenerate, text: "degenerate"))
        }
        for (i, p) in paths.enumerated() {
            entries.append(.init(swatch: .line, color: Self.pathColors[i % Self.pathColors.count], text: p.label))
        }
        return PlotLegend(entries: entries)
    }
}
