/// Where a map picture (landscape, workspace) puts its square plot and the colour bar beside it: fixed margins
/// scaled with the picture, the right-hand space kept for the legend.
enum SquareMapLayout {
    /// The plot spans x and y (equal extents, so the square keeps the map's aspect).
    static func place(scale: Double, width: Int, height: Int,
                      x: (Double, Double), y: (Double, Double)) -> (axes: PlotAxes, bar: PixelRect) {
        let px = { (v: Double) in (v * scale).rounded() }
        let left = px(72), top = px(66), bottom = px(56)
        let side = max(32, min(Double(height) - top - bottom, Double(width) - left - px(330)))
        let rect = PixelRect(x: left, y: top, width: side, height: side)
        let bar = PixelRect(x: rect.right + px(24), y: top, width: px(18), height: side)
        return (PlotAxes(rect: rect, x: x, y: y), bar)
    }
}
