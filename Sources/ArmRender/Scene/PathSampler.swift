import ArmKit

/// The whole target path as a polyline: `scenario.path` sampled over [0, duration], finely enough to look smooth
/// for paths that loop many times (up to 20 000 samples), then thinned in pixel space for drawing.
struct PathSampler: Sendable {
    let points: [Point2D]

    init(scenario: Scenario, maxSamples: Int = 20_000) {
        let duration = scenario.simulation.duration
        let frames = scenario.simulation.frameCount
        // At least 4 samples per frame interval, at least 720 in all, at most maxSamples.
        let n = max(2, min(maxSamples, max(720, frames * 4)))
        var pts: [Point2D] = []
        pts.reserveCapacity(n)
        for i in 0..<n {
            let t = duration * Double(i) / Double(n - 1)
            let p = scenario.path.target(at: t)
            if p.x.isFinite && p.y.isFinite { pts.append(p.point) }
        }
        points = pts
    }

    /// The samples mapped to pixels, dropping points closer than `minPixels` to the last one kept.
    func pixels(in viewport: Viewport, minPixels: Double = 1.5) -> [PixelPoint] {
        var out: [PixelPoint] = []
        out.reserveCapacity(min(points.count, 4096))
        for p in points {
            let q = viewport.pixel(p)
            if let last = out.last {
                let dx = q.x - last.x, dy = q.y - last.y
                if dx * dx + dy * dy < minPixels * minPixels { continue }
            }
            out.append(q)
        }
        if let lastWorld = points.last {
            let q = viewport.pixel(lastWorld)
            if out.last != q { out.append(q) }
        }
        return out
    }
}
