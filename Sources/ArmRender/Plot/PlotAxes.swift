/// A rectangular plotting area with an x and a y scale: draws the frame, grid lines, ticks and their labels,
/// and maps data to pixels for everything drawn inside.
struct PlotAxes {
    let rect: PixelRect
    let x: AxisScale
    let y: AxisScale

    init(rect: PixelRect, x: (Double, Double), y: (Double, Double), xLog: Bool = false, yLog: Bool = false) {
        self.rect = rect
        self.x = AxisScale(lower: x.0, upper: x.1, logarithmic: xLog, pixelStart: rect.x, pixelEnd: rect.right)
        self.y = AxisScale(lower: y.0, upper: y.1, logarithmic: yLog, pixelStart: rect.bottom, pixelEnd: rect.y)
    }

    func pixel(_ vx: Double, _ vy: Double) -> PixelPoint { PixelPoint(x: x.pixel(vx), y: y.pixel(vy)) }

    /// Light grid lines at the ticks, under the data.
    func drawGrid(_ s: PlotSurface, xTicks: Bool = true, yTicks: Bool = true) {
        let w = max(1, s.px(1))
        if xTicks { for t in x.ticks(count: xTickCount(s)) { s.fillRect(PixelRect(x: x.pixel(t) - w / 2, y: rect.y, width: w, height: rect.height), PlotTheme.grid) } }
        if yTicks { for t in y.ticks(count: yTickCount) { s.fillRect(PixelRect(x: rect.x, y: y.pixel(t) - w / 2, width: rect.width, height: w), PlotTheme.grid) } }
    }

    /// The frame, tick marks and labels; x labels only when `xLabels` (stacked panels share the bottom one's).
    func drawFrame(_ s: PlotSurface, xLabel: String?, yLabel: String, xLabels: Bool = true, labelOffset: Double = 0) {
        let w = max(1, s.px(1)), tick = s.px(5)
        let edges = [PixelRect(x: rect.x, y: rect.y, width: rect.width, height: w),
                     PixelRect(x: rect.x, y: rect.bottom - w, width: rect.width, height: w),
                     PixelRect(x: rect.x, y: rect.y, width: w, height: rect.height),
                     PixelRect(x: rect.right - w, y: rect.y, width: w, height: rect.height)]
        for e in edges { s.fillRect(e, PlotTheme.frame) }
        for t in y.ticks(count: yTickCount) {
            let py = y.pixel(t)
            s.fillRect(PixelRect(x: rect.x - tick, y: py - w / 2, width: tick, height: w), PlotTheme.frame)
            s.label(NiceTicks.label(t), x: rect.x - tick - s.px(3), y: py, .small, PlotTheme.ink, alignX: 1, alignY: 0.5)
        }
        for t in x.ticks(count: xTickCount(s)) {
            let px = x.pixel(t)
            s.fillRect(PixelRect(x: px - w / 2, y: rect.bottom, width: w, height: tick), PlotTheme.frame)
            if xLabels { s.label(NiceTicks.label(t), x: px, y: rect.bottom + labelOffset + tick + s.px(2), .small, PlotTheme.ink, alignX: 0.5) }
        }
        s.label(yLabel, x: rect.x, y: rect.y - s.px(3), .small, PlotTheme.ink, alignY: 1)
        if let xLabel, xLabels {
            let below = rect.bottom + labelOffset + tick + s.px(4) + Double(s.text.lineHeight(.small))
            s.label(xLabel, x: rect.x + rect.width / 2, y: below, .small, PlotTheme.ink, alignX: 0.5)
        }
    }

    var yTickCount: Int { max(2, Int(rect.height / 45)) }
    func xTickCount(_ s: PlotSurface) -> Int { max(2, Int(rect.width / (90 * s.scale))) }
}
