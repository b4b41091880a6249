import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// The time-series picture of a headless run: stacked panels sharing the time axis (q_i; error on a log scale
/// with the tolerance; σ_min with ε; λ and iterations), singular intervals shaded across them (boundary amber,
/// interior magenta, as in the window) and a status band along the bottom coloured as the window colours the arm.
public struct RunPlotPicture {
    public let envelope: RunEnvelope
    public var panels: [RunPlotPanel] = RunPlotPanel.allCases
    public var tolerance: PlotGuide?
    public var epsilon: PlotGuide?
    public var title = ""

    public init(envelope: RunEnvelope) { self.envelope = envelope }

    public func png(width: Int, height: Int) throws(RenderError) -> [UInt8] {
        try PlotSurface.render(width: width, height: height, draw)
    }

    static func statusColor(_ s: SolveStatus) -> RGBA {
        switch s {
        case .converged: Palette.armTracking
        case .unreachable: Palette.armUnreachable
        case .limited: Palette.armLimited
        case .stalled: Palette.armStalled
        case .failed: Palette.armFailed
        }
    }

    /// The rectangles of the data panels and of the status band, and the shared time axis.
    func layout(_ s: PlotSurface) -> (panels: [(RunPlotPanel, PixelRect)], band: PixelRect?, time: AxisScale) {
        let left = s.px(78), right = Double(s.width) - s.px(200), top = s.px(34)
        let gap = s.px(22), bandHeight = s.px(16)
        let hasBand = panels.contains(.status)
        let bottom = Double(s.height) - s.px(hasBand ? 66 : 50)
        let data = panels.filter { $0 != .status }
        let available = bottom - top - gap * Double(max(0, data.count - 1)) - (hasBand ? bandHeight + s.px(8) : 0)
        let total = data.map(\.weight).reduce(0, +)
        var y = top + s.px(12)
        var rects: [(RunPlotPanel, PixelRect)] = []
        for p in data {
            let h = (available - s.px(12)) * p.weight / max(total, 1)
            rects.append((p, PixelRect(x: left, y: y, width: right - left, height: h)))
            y += h + gap
        }
        let band = hasBand ? PixelRect(x: left, y: (rects.last.map { $0.1.bottom } ?? top) + s.px(8), width: right - left, height: bandHeight) : nil
        let (t0, t1) = envelope.timeRange ?? (0, 1)
        return (rects, band, AxisScale(lower: t0, upper: t1, pixelStart: left, pixelEnd: right))
    }

    func draw(_ s: PlotSurface) {
        let (rects, band, time) = layout(s)
        s.label(title, x: time.pixelStart, y: s.px(6), .body, PlotTheme.ink)
        drawSingularShading(s, rects, time)
        for (i, (panel, rect)) in rects.enumerated() {
            let last = i == rects.count - 1
            RunPlotPanelDrawer(envelope: envelope, surface: s, rect: rect, time: time, showTimeLabels: last,
                               timeLabelOffset: band.map { $0.bottom - rect.bottom } ?? 0)
                .draw(panel, tolerance: tolerance, epsilon: epsilon)
        }
        if let band { drawStatusBand(s, band, time) }
    }

    /// The pixel span of a bin: from its first time to the next bin's (so bins tile the axis without gaps).
    static func span(_ e: RunEnvelope, _ b: Int, _ time: AxisScale) -> (Double, Double) {
        let x0 = time.pixel(e.tFirst[b])
        let x1 = b + 1 < e.usedBins ? time.pixel(e.tFirst[b + 1]) : time.pixel(e.tLast[b]) + 1
        return (x0, max(x1, x0 + 1))
    }

    private func drawSingularShading(_ s: PlotSurface, _ rects: [(RunPlotPanel, PixelRect)], _ time: AxisScale) {
        guard let top = rects.first?.1.y, let bottom = rects.last?.1.bottom else { return }
        for run in runs(time, { b in
            let m = envelope.singularityMask[b]
            return m & 2 != 0 ? Palette.armInterior.withAlpha(46) : m & 1 != 0 ? Palette.armBoundary.withAlpha(46) : nil
        }) {
            s.fillRect(PixelRect(x: run.x0, y: top, width: run.x1 - run.x0, height: bottom - top), run.color)
        }
    }

    /// Consecutive bins of one colour as whole-pixel runs, so translucent fills never overlap.
    func runs(_ time: AxisScale, _ color: (Int) -> RGBA?) -> [(x0: Double, x1: Double, color: RGBA)] {
        var out: [(x0: Double, x1: Double, color: RGBA)] = []
        for b in envelope.bins {
            guard let c = color(b) else { continue }
            let (a, z) = Self.span(envelope, b, time)
            let x0 = a.rounded(.down), x1 = max(z.rounded(.down), x0 + 1)
            if let last = out.last, last.color == c, x0 <= last.x1 {
                out[out.count - 1].x1 = max(last.x1, x1)
            } else {
                out.append((max(x0, out.last?.x1 ?? x0), x1, c))
            }
        }
        return out.filter { $0.x1 > $0.x0 }
    }

    private func drawStatusBand(_ s: PlotSurface, _ band: PixelRect, _ time: AxisScale) {
        for run in runs(time, { b in envelope.worstStatus(b).map(Self.statusColor) }) {
            s.fillRect(PixelRect(x: run.x0, y: band.y, width: min(run.x1, band.right.rounded(.up)) - run.x0, height: band.height), run.color)
        }
        s.label("status", x: band.x - s.px(6), y: band.y + band.height / 2, .small, PlotTheme.ink, alignX: 1, alignY: 0.5)
        var x = band.x
        let y = band.bottom + s.px(44)
        var items: [(String, RGBA)] = SolveStatus.allCases.map { ($0.rawValue, Self.statusColor($0)) }
        items += [("boundary singular", Palette.armBoundary.withAlpha(90)), ("interior singular", Palette.armInterior.withAlpha(90))]
        for (name, color) in items {
            s.fillRect(PixelRect(x: x, y: y, width: s.px(14), height: s.px(10)), color)
            let w = Double(s.text.width(name, .small))
            s.label(name, x: x + s.px(18), y: y + s.px(5), .small, PlotTheme.ink, alignY: 0.5)
            x += s.px(30) + w
        }
    }
}
