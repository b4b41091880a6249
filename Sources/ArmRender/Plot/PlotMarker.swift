/// Point markers: ● filled disc, ✕ cross, ▲ triangle, each with a light halo so it reads on any colour.
enum PlotMarker: Sendable, Equatable {
    case disc, cross, triangle, ring

    func draw(_ s: PlotSurface, at p: PixelPoint, size: Double, _ color: RGBA) {
        let r = size / 2, halo = RGBA(hex: 0xFFFFFF), edge = max(1.5, size / 6)
        switch self {
        case .disc:
            s.canvas.fillCircle(p, radius: r + edge / 2, halo)
            s.canvas.fillCircle(p, radius: r - edge / 2, color)
        case .ring:
            s.canvas.strokeCircle(p, radius: r, width: edge * 2, halo)
            s.canvas.strokeCircle(p, radius: r, width: edge, color)
        case .cross:
            let d = r * 0.8
            for (w, c) in [(edge * 2.2, halo), (edge, color)] {
                s.canvas.line(PixelPoint(x: p.x - d, y: p.y - d), PixelPoint(x: p.x + d, y: p.y + d), width: w, c)
                s.canvas.line(PixelPoint(x: p.x - d, y: p.y + d), PixelPoint(x: p.x + d, y: p.y - d), width: w, c)
            }
        case .triangle:
            for (k, c) in [(1.0 + edge / r, halo), (1.0, color)] {
                let pts = [PixelPoint(x: p.x, y: p.y - r * k), PixelPoint(x: p.x + 0.87 * r * k, y: p.y + 0.5 * r * k),
                           PixelPoint(x: p.x - 0.87 * r * k, y: p.y + 0.5 * r * k)]
                s.canvas.fillConvex(pts, c)
            }
        }
    }
}
