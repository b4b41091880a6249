/// A vertical colour bar: the colour map from `scale.lower` (bottom row) to `scale.upper` (top row), ticked
/// with values, and its label above. The bar's first and last rows are the map's exact extremes.
struct ColorBar {
    let rect: PixelRect
    let scale: ColorScale
    let label: String

    func draw(_ s: PlotSurface) {
        let top = rect.sdlRect.y, height = Double(rect.sdlRect.h)
        HeatMap.draw(s, in: rect) { p in
            let row = p.y - 0.5 - Double(top)
            return ColorMap.color(height > 1 ? 1 - row / (height - 1) : 0.5)
        }
        let axis = AxisScale(lower: scale.lower, upper: scale.upper, pixelStart: Double(top) + height - 0.5, pixelEnd: Double(top) + 0.5)
        let w = max(1, s.px(1)), tick = s.px(4)
        for t in axis.ticks(count: max(2, Int(rect.height / 50))) {
            let py = axis.pixel(t)
            s.fillRect(PixelRect(x: rect.right, y: py - w / 2, width: tick, height: w), PlotTheme.frame)
            s.label(NiceTicks.label(t), x: rect.right + tick + s.px(3), y: py, .small, PlotTheme.ink, alignY: 0.5)
        }
        s.label(label, x: rect.x, y: rect.y - s.px(4), .small, PlotTheme.ink, alignY: 1)
        // The exact extremes, so the reader knows the ends of the scale and not only the round ticks.
        s.label("min \(NiceTicks.label(scale.lower))", x: rect.x, y: rect.bottom + s.px(4), .small, PlotTheme.inkDim)
        s.label("max \(NiceTicks.label(scale.upper))", x: rect.x, y: rect.y - s.px(4) - Double(s.text.lineHeight(.small)), .small, PlotTheme.inkDim, alignY: 1)
    }
}
