import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// The workspace map: cells coloured by the best metric reached there (empty cells left blank), the outer
/// circle Σ L and the inner hole, the scenario's path, optional velocity ellipses with their arms, a colour bar
/// and a legend. Axes in metres, equal scale.
public struct WorkspacePicture {
    public let map: WorkspaceMap
    public let arm: PlanarArm
    /// The scenario's path (world points), drawn over the map.
    public var path: [Point2D] = []
    /// Configurations to draw with their velocity ellipses.
    public var ellipseConfigurations: [[Double]] = []
    public var title = ""

    public init(map: WorkspaceMap, arm: PlanarArm) { self.map = map; self.arm = arm }

    static let circleColor = RGBA(hex: 0x111827)
    static let pathColor = RGBA(hex: 0xE11D48)
    static let ellipseColor = RGBA(hex: 0xF97316)

    public func png(width: Int, height: Int) throws(RenderError) -> [UInt8] {
        try PlotSurface.render(width: width, height: height, draw)
    }

    /// Where the map and the colour bar go at this size (tests find pixels through it).
    func layout(scale: Double, width: Int, height: Int) -> (axes: PlotAxes, bar: PixelRect) {
        let c = map.center, h = map.halfWidth
        return SquareMapLayout.place(scale: scale, width: width, height: height, x: (c.x - h, c.x + h), y: (c.y - h, c.y + h))
    }

    func draw(_ s: PlotSurface) {
        let (axes, bar) = layout(scale: s.scale, width: s.width, height: s.height)
        let range = map.valueRange ?? (0, 1)
        let colors = ColorScale(lower: range.min, upper: range.max)
        HeatMap.draw(s, in: axes.rect) { p in
            let world = Point2D(x: axes.x.value(atPixel: p.x), y: axes.y.value(atPixel: p.y))
            guard let cell = map.cell(of: world), let v = map.value(column: cell.column, row: cell.row) else { return nil }
            return colors.color(v)
        }
        SDL_RenderSetClipRect(s.renderer, [axes.rect.sdlRect])
        drawCircles(s, axes)
        if path.count >= 2 {
            let pixels = path.map { axes.pixel($0.x, $0.y) }
            s.canvas.strokePolyline(pixels, width: s.px(2), colors: Array(repeating: Self.pathColor, count: pixels.count))
        }
        drawEllipses(s, axes)
        s.canvas.flush()
        SDL_RenderSetClipRect(s.renderer, nil)
        axes.drawFrame(s, xLabel: "x (m)", yLabel: "y (m)")
        ColorBar(rect: bar, scale: colors, label: "\(map.metric.label)").draw(s)
        legend().draw(s, right: bar.right + s.px(78), top: bar.y, anchorLeft: true)
        s.label(title, x: axes.rect.x, y: s.px(6), .body, PlotTheme.ink)
    }

    private func drawCircles(_ s: PlotSurface, _ axes: PlotAxes) {
        let center = axes.pixel(arm.base.x, arm.base.y)
        let perMetre = axes.rect.width / (2 * map.halfWidth)
        s.canvas.strokeCircle(center, radius: arm.reach * perMetre, width: s.px(1.6), Self.circleColor)
        if arm.innerRadius > 0 {
            s.canvas.strokeCircle(center, radius: arm.innerRadius * perMetre, width: s.px(1.6), Self.circleColor)
        }
        s.canvas.fillCircle(center, radius: s.px(4), Self.circleColor)
    }

    private func drawEllipses(_ s: PlotSurface, _ axes: PlotAxes) {
        let scale = ellipseScale
        for q in ellipseConfigurations {
            let joints = arm.jointPositions(q).map { axes.pixel($0.x, $0.y) }
            s.canvas.strokePolyline(joints, width: s.px(2), colors: Array(repeating: RGBA(hex: 0x374151, alpha: 200), count: joints.count))
            for j in joints { s.canvas.fillCircle(j, radius: s.px(2.5), RGBA(hex: 0x374151)) }
            let e = VelocityEllipse(arm: arm, q: q)
            let outline = (0...72).map { k -> PixelPoint in
                let p = e.point(at: Double(k) / 72 * 2 * .pi, scale: scale)
                return axes.pixel(p.x, p.y)
            }
            s.canvas.strokePolyline(outline, width: s.px(2), colors: Array(repeating: Self.ellipseColor, count: outline.count))
        }
    }

    /// Joint speed ‖q̇‖ (rad/s) the ellipses are drawn for: the largest semi-axis becomes 12% of the reach.
    var ellipseScale: Double {
        let largest = ellipseConfigurations.map { VelocityEllipse(arm: arm, q: $0).major }.max() ?? 0
        return largest > 0 ? 0.12 * arm.reach / largest : 1
    }

    private func legend() -> PlotLegend {
        var entries: [PlotLegend.Entry] = [.init(swatch: .line, color: Self.circleColor, text: "outer circle Σ L = \(NiceTicks.label(arm.reach)) m")]
        if arm.innerRadius > 0 {
            entries.append(.init(swatch: .line, color: Self.circleColor, text: "inner hole r = \(NiceTicks.label(arm.innerRadius)) m"))
        }
        if path.count >= 2 { entries.append(.init(swatch: .line, color: Self.pathColor, text: "scenario path")) }
        if !ellipseConfigurations.isEmpty {
            let speed = String(cFormat: "%.2g", ellipseScale)
            entries.append(.init(swatch: .line, color: Self.ellipseColor, text: "velocity ellipse J Jᵀ, ‖q̇‖ = \(speed) rad/s"))
        }
        entries.append(.init(swatch: .block, color: PlotTheme.background, text: "blank: no sample reached"))
        entries.append(.init(swatch: .block, color: PlotTheme.background, text: "\(map.samples) samples, \(map.resolution)² cells"))
        return PlotLegend(entries: entries)
    }
}
