#if canImport(Glibc)
import Glibc
#endif

/// Draws one panel of a run plot from the envelope: axes, the series as min–max envelopes joined bin to bin,
/// guide lines and the panel's legend in the right margin.
struct RunPlotPanelDrawer {
    let envelope: RunEnvelope
    let surface: PlotSurface
    let rect: PixelRect
    let time: AxisScale
    let showTimeLabels: Bool
    var timeLabelOffset: Double = 0

    var n: Int { envelope.jointCount }

    func draw(_ panel: RunPlotPanel, tolerance: PlotGuide?, epsilon: PlotGuide?) {
        switch panel {
        case .q:
            let series = Array(0..<n)
            let axes = makeAxes(series, log: false, include: [])
            finish(axes, "q (rad)")
            for i in series { drawSeries(i, axes.y, PlotTheme.series(i)) }
            var entries = series.prefix(10).map { PlotLegend.Entry(swatch: .line, color: PlotTheme.series($0), text: "q\($0)") }
            if n > 10 { entries.append(.init(swatch: .block, color: PlotTheme.background, text: "… q\(n - 1)")) }
            legend(entries)
        case .error:
            let axes = makeAxes([n], log: true, include: tolerance.map { [$0.value] } ?? [])
            finish(axes, "error ‖e‖ (m, log)")
            if let tolerance { guide(axes.y, tolerance.value) }
            drawSeries(n, axes.y, PlotTheme.series(0))
            legend([.init(swatch: .line, color: PlotTheme.series(0), text: "error")]
                   + (tolerance.map { [.init(swatch: .line, color: PlotTheme.guide, text: $0.label)] } ?? []))
        case .sigmaMin:
            let axes = makeAxes([n + 1], log: false, include: epsilon.map { [$0.value, 0] } ?? [0])
            finish(axes, "σ_min (m/rad)")
            if let epsilon { guide(axes.y, epsilon.value) }
            drawSeries(n + 1, axes.y, PlotTheme.series(2))
            legend([.init(swatch: .line, color: PlotTheme.series(2), text: "σ_min")]
                   + [.init(swatch: .line, color: epsilon == nil ? PlotTheme.background : PlotTheme.guide,
                            text: epsilon?.label ?? "ε: needs --scenario")])
        case .damping:
            drawDamping()
        case .status:
            break
        }
    }

    private func drawDamping() {
        let axes = makeAxes([n + 2], log: false, include: [0])
        finish(axes, "damping λ (m)")
        drawSeries(n + 2, axes.y, PlotTheme.series(1))
        // Iterations on their own scale, ticked on the right.
        let (lo, hi) = envelope.range([n + 3]) ?? (0, 1)
        let iterations = AxisScale(lower: min(0, lo), upper: max(hi, 1), pixelStart: rect.bottom, pixelEnd: rect.y)
        drawSeries(n + 3, iterations, PlotTheme.series(7))
        let s = surface
        for t in iterations.ticks(count: max(2, Int(rect.height / 45))) {
            s.label(NiceTicks.label(t), x: rect.right + s.px(5), y: iterations.pixel(t), .small, PlotTheme.series(7), alignY: 0.5)
        }
        legend([.init(swatch: .line, color: PlotTheme.series(1), text: "λ (left)"),
                .init(swatch: .line, color: PlotTheme.series(7), text: "iterations (right)")], offset: s.px(34))
    }

    private func makeAxes(_ series: [Int], log: Bool, include: [Double]) -> PlotAxes {
        var (lo, hi) = envelope.range(series, positiveOnly: log) ?? (log ? (1e-12, 1) : (0, 1))
        for v in include where !log || v > 0 { lo = min(lo, v); hi = max(hi, v) }
        if log { lo = pow(10, floor(log10(lo))); hi = pow(10, ceil(log10(hi))) } else {
            if hi == lo { hi = lo == 0 ? 1 : lo + abs(lo) * 0.2; lo = lo == 0 ? 0 : lo - abs(lo) * 0.2 }
            let pad = (hi - lo) * 0.05
            lo -= pad; hi += pad
        }
        return PlotAxes(rect: rect, x: (time.lower, time.upper), y: (lo, hi), yLog: log)
    }

    private func finish(_ axes: PlotAxes, _ label: String) {
        axes.drawGrid(surface)
        axes.drawFrame(surface, xLabel: "t (s)", yLabel: label, xLabels: showTimeLabels, labelOffset: timeLabelOffset)
    }

    private func guide(_ y: AxisScale, _ value: Double) {
        let py = y.pixel(value), dash = surface.px(8)
        var x = rect.x
        while x < rect.right {
            surface.canvas.line(PixelPoint(x: x, y: py), PixelPoint(x: min(x + dash, rect.right), y: py), width: surface.px(1.5), PlotTheme.guide)
            x += dash * 1.8
        }
    }

    /// Each bin contributes its first value, its min–max extent and its last value; bins join in order.
    private func drawSeries(_ i: Int, _ y: AxisScale, _ color: RGBA) {
        var points: [PixelPoint] = []
        func add(_ p: PixelPoint) { if points.last != p { points.append(p) } }
        for b in envelope.bins {
            let first = envelope.first(b, i)
            guard first.isFinite else { continue }
            let (x0, x1) = RunPlotPicture.span(envelope, b, time)
            let xm = (x0 + min(x1, x0 + 1)) / 2
            let clamp = { (v: Double) in min(max(y.pixel(v), rect.y - 2), rect.bottom + 2) }
            add(PixelPoint(x: xm, y: clamp(first)))
            add(PixelPoint(x: xm, y: clamp(envelope.minimum(b, i))))
            add(PixelPoint(x: xm, y: clamp(envelope.maximum(b, i))))
            add(PixelPoint(x: xm, y: clamp(envelope.last(b, i))))
        }
        if points.count == 1 { surface.canvas.fillCircle(points[0], radius: surface.px(2), color); return }
        surface.canvas.strokePolyline(points, width: surface.px(1.6), colors: Array(repeating: color, count: points.count))
        surface.canvas.flush()
    }

    private func legend(_ entries: [PlotLegend.Entry], offset: Double = 0) {
        PlotLegend(entries: entries).draw(surface, right: rect.right + surface.px(10) + offset, top: rect.y, anchorLeft: true)
    }
}
