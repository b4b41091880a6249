import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Strip charts (key C): tracking error on a log scale, σ_min with ε, λ and iterations over the last seconds,
/// with the singular intervals shaded, stacked at the bottom right.
extension SceneRenderer {
    private struct Chart {
        var title: String
        var value: (SignalHistory.Sample) -> Double
        var range: ClosedRange<Double>
        var threshold: Double?
    }

    private func charts(_ samples: [SignalHistory.Sample]) -> [Chart] {
        let eps = scenario.solver.singularThreshold(for: scenario.arm)
        let sigmaTop = max(samples.map(\.sigmaMin).max() ?? 0, 2 * eps)
        let lambdaTop = max(samples.map(\.damping).max() ?? 0, scenario.solver.damping, 1e-12)
        let iterTop = Double(max(samples.map(\.iterations).max() ?? 1, 1))
        return [
            Chart(title: "error (log₁₀ m)", value: { log10(max($0.error, 1e-16)) }, range: -12...1, threshold: nil),
            Chart(title: "σ_min (m/rad), ε dashed", value: { $0.sigmaMin }, range: 0...sigmaTop, threshold: eps),
            Chart(title: "λ damping (m)", value: { $0.damping }, range: 0...lambdaTop, threshold: nil),
            Chart(title: "iterations", value: { Double($0.iterations) }, range: 0...iterTop, threshold: nil),
        ]
    }

    /// Draws the charts with their bottom edge at `bottom`, right-aligned.
    func drawCharts(_ history: SignalHistory, bottom: Double) {
        let samples = history.ordered
        guard let last = samples.last else { return }
        let s = uiScale
        let list = charts(samples)
        let width = min(280 * s, Double(viewport.pixelWidth) * 0.4)
        let top = (badgeRects.map(\.maxY).max() ?? 0) + 10 * s
        let h = min(52 * s, (bottom - top) / Double(list.count) - 6 * s)
        guard h > 12 * s else { return }
        let x = Double(viewport.pixelWidth) - 12 * s - width
        let t0 = last.t - history.window
        for (i, chart) in list.enumerated() {
            let y = bottom - Double(list.count - i) * (h + 6 * s)
            drawChart(chart, samples: samples, rect: HUDRect(x: x, y: y, width: width, height: h), t0: t0, window: history.window)
        }
    }

    private func drawChart(_ chart: Chart, samples: [SignalHistory.Sample], rect r: HUDRect, t0: Double, window: Double) {
        let s = uiScale
        canvas.fillRoundedRect(x: r.x, y: r.y, w: r.width, h: r.height, radius: 4 * s, Palette.chartBackground)
        func px(_ t: Double) -> Double { r.x + (t - t0) / window * r.width }
        func py(_ v: Double) -> Double {
            let span = chart.range.upperBound - chart.range.lowerBound
            let f = span > 0 ? (min(max(v, chart.range.lowerBound), chart.range.upperBound) - chart.range.lowerBound) / span : 0
            return r.maxY - 2 * s - f * (r.height - 4 * s)
        }
        // Singular intervals: one shaded band per run of singular samples.
        var runStart: Double?
        for (i, sample) in samples.enumerated() {
            if sample.singular && runStart == nil { runStart = sample.t }
            let ends = !sample.singular || i == samples.count - 1
            if let a = runStart, ends {
                canvas.fillRect(x: max(r.x, px(a)), y: r.y, w: max(1, px(sample.t) - max(r.x, px(a))), h: r.height, Palette.chartSingular)
                runStart = nil
            }
        }
        if let eps = chart.threshold {
            var x = r.x
            while x < r.maxX { canvas.line(PixelPoint(x: x, y: py(eps)), PixelPoint(x: min(x + 5 * s, r.maxX), y: py(eps)),
                                           width: 1.2 * s, Palette.chartThreshold); x += 9 * s }
        }
        // Points at least 2 px apart: the software rasteriser drops coverage on sub-pixel segments.
        var points: [PixelPoint] = []
        for sample in samples {
            let p = PixelPoint(x: px(sample.t), y: py(chart.value(sample)))
            if let l = points.last, p.x - l.x < 2 * s, sample.t != samples.last?.t { continue }
            points.append(p)
        }
        if points.count >= 2 {
            canvas.strokePolyline(points, width: 1.6 * s, colors: Array(repeating: Palette.chartTrace, count: points.count))
        }
        canvas.flush()
        let latest = samples.last.map { s -> String in
            if chart.title.hasPrefix("error") { return HUDFormat.length(s.error, digits: 3) }
            if chart.title == "iterations" { return "\(s.iterations)" }
            return HUDFormat.value(chart.value(s))
        } ?? ""
        text.draw("\(chart.title)  \(latest)", x: r.x + 6 * s, y: r.y + 2 * s, .small, Palette.textDim)
    }
}
