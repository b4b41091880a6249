/// A legend box: one row per entry, a swatch (marker, line or block) and its text.
struct PlotLegend {
    enum Swatch { case marker(PlotMarker), line, block }
    struct Entry { var swatch: Swatch; var color: RGBA; var text: String }

    var entries: [Entry]

    /// Draws with the box's top-right corner at (right, top) (or top-left when `anchorLeft`). Returns its rect.
    @discardableResult
    func draw(_ s: PlotSurface, right: Double, top: Double, anchorLeft: Bool = false) -> PixelRect {
        guard !entries.isEmpty else { return PixelRect(x: right, y: top, width: 0, height: 0) }
        let line = Double(s.text.lineHeight(.small)), pad = s.px(6), swatch = s.px(18)
        let textWidth = entries.map { Double(s.text.width($0.text, .small)) }.max() ?? 0
        let width = pad * 3 + swatch + textWidth, height = pad * 2 + line * Double(entries.count)
        let box = PixelRect(x: anchorLeft ? right : right - width, y: top, width: width, height: height)
        s.canvas.fillRect(x: box.x, y: box.y, w: box.width, h: box.height, PlotTheme.legendFill)
        s.canvas.flush()
        let w = max(1, s.px(1))
        for e in [PixelRect(x: box.x, y: box.y, width: box.width, height: w), PixelRect(x: box.x, y: box.bottom - w, width: box.width, height: w),
                  PixelRect(x: box.x, y: box.y, width: w, height: box.height), PixelRect(x: box.right - w, y: box.y, width: w, height: box.height)] {
            s.fillRect(e, PlotTheme.grid)
        }
        for (i, e) in entries.enumerated() {
            let cy = box.y + pad + line * (Double(i) + 0.5), sx = box.x + pad
            switch e.swatch {
            case .marker(let m): m.draw(s, at: PixelPoint(x: sx + swatch / 2, y: cy), size: line * 0.7, e.color)
            case .line: s.canvas.line(PixelPoint(x: sx, y: cy), PixelPoint(x: sx + swatch, y: cy), width: s.px(2.5), e.color)
            case .block: s.canvas.fillRect(x: sx, y: cy - line * 0.3, w: swatch, h: line * 0.6, e.color)
            }
            s.label(e.text, x: sx + swatch + pad, y: cy, .small, PlotTheme.ink, alignY: 0.5)
        }
        return box
    }
}
