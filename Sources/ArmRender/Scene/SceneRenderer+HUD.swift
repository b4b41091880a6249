import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// The readout panel's place and its rows (with their tops) for one frame.
struct HUDLayout {
    var rect: HUDRect
    var rows: [(HUDRow, Double)]
    var pad: Double
    var valueX: Double
}

/// Where the readout panel went this frame (badges and the key help keep clear of it).
struct HUDRect: Equatable {
    var x: Double, y: Double, width: Double, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// The heads-up display: the readout panel (drawn per frame, fitted to the window), status badges, hints and
/// the key help.
extension SceneRenderer {
    /// Column widths that do not depend on the frame, so the panel does not jitter as values change.
    private func hudValueWidth() -> Double {
        let templates = ["88.88 s / 88.88 s", "-0.0000 rad (-180.00°)", "-8.88e-88 m/rad", "bowl  λmin -8.88e-88",
                         "joint mode (no solve)", "×1/64  finished  loop"]
        return Double(templates.map { text.width($0, .mono) }.max() ?? 0)
    }

    private var jointBarWidth: Double { 46 * uiScale }

    /// The panel's rectangle and its rows with their tops, for this frame (nil when hidden).
    func layoutHUD(frame: Frame, insight: FrameInsight, appearance: ArmAppearance, status: SceneStatus) -> HUDLayout? {
        guard !status.hudHidden else { return nil }
        let s = uiScale, pad = 12 * s, x0 = 12 * s, y0 = 12 * s
        let rows = HUDContent.rows(scenario: scenario, frame: frame, insight: insight, appearance: appearance, status: status)
        let labels = rows.compactMap { if case .value(let l, _, _) = $0 { l } else { nil } }
        let labelW = Double(labels.map { text.width($0, .body) }.max() ?? 0)
        let valueX = x0 + pad + labelW + 14 * s
        let jointW = Double(text.width("-180.00°  -3.142 rad", .mono)) + 10 * s + jointBarWidth
        let width = min(valueX - x0 + max(hudValueWidth(), jointW) + pad, Double(viewport.pixelWidth) * 0.5)
        let rowH = Double(text.lineHeight(.body)) + 2 * s
        let titleH = Double(text.lineHeight(.title))
        // Leave the bottom band to the scale bar; rows that do not fit are dropped (joints first, they come last).
        let bottom = Double(viewport.pixelHeight) - 48 * s
        var y = y0 + pad + titleH + 4 * s
        var placed: [(HUDRow, Double)] = []
        for (i, row) in rows.enumerated() {
            let h = rowHeight(row, rowH)
            let reserve = i < rows.count - 1 ? rowH : 0   // room for the "more joints" line
            guard y + h + reserve <= bottom else {
                let rest = rows[i...].filter { if case .joint = $0 { true } else { false } }.count
                if rest > 0 { placed.append((.note("+\(rest) joints (enlarge the window)", Palette.textDim), y)); y += rowH }
                break
            }
            placed.append((row, y))
            y += h
        }
        // Heights in whole pixels so the cached background is not rebuilt for sub-pixel changes.
        let rect = HUDRect(x: x0, y: y0, width: width.rounded(), height: (y - y0 + pad - 2 * s).rounded())
        return HUDLayout(rect: rect, rows: placed, pad: pad, valueX: valueX)
    }

    /// The panel's background: drawn into the cached static layer.
    func drawHUDBackground(_ r: HUDRect) {
        let s = uiScale
        canvas.fillRoundedRect(x: r.x - 1, y: r.y - 1, w: r.width + 2, h: r.height + 2, radius: 10 * s + 1, Palette.panelEdge)
        canvas.fillRoundedRect(x: r.x, y: r.y, w: r.width, h: r.height, radius: 10 * s, Palette.panel)
        canvas.flush()
    }

    /// The per-frame part of the panel: accent bar, icon, title and rows.
    func drawHUD(_ l: HUDLayout, accent: RGBA, status: SceneStatus) {
        let s = uiScale, r = l.rect
        canvas.fillRoundedRect(x: r.x, y: r.y + 10 * s, w: 3.5 * s, h: r.height - 20 * s, radius: 1.75 * s, accent)
        let icon = 12 * s
        drawPlaybackIcon(x: r.maxX - 12 * s - icon, y: r.y + 12 * s + (Double(text.lineHeight(.title)) - icon) / 2,
                         size: icon, status: status)
        canvas.flush()
        text.draw(fittedTitle(maxWidth: r.width - 2 * l.pad - 20 * s), x: r.x + l.pad, y: r.y + l.pad, .title, Palette.textTitle)
        for (row, ry) in l.rows { drawHUDRow(row, y: ry, rect: r, pad: l.pad, valueX: l.valueX) }
    }

    private func rowHeight(_ row: HUDRow, _ rowH: Double) -> Double {
        if case .separator = row { return 8 * uiScale }
        return rowH
    }

    private func drawHUDRow(_ row: HUDRow, y: Double, rect: HUDRect, pad: Double, valueX: Double) {
        let s = uiScale
        switch row {
        case .value(let label, let value, let color):
            text.draw(label, x: rect.x + pad, y: y, .body, Palette.textDim)
            text.draw(value, x: valueX, y: y, .mono, color)
        case .separator:
            canvas.fillRect(x: rect.x + pad, y: y + 3 * s, w: rect.width - 2 * pad, h: max(1, s), Palette.panelEdge)
            canvas.flush()
        case .note(let note, let color):
            text.draw(note, x: rect.x + pad, y: y, .body, color)
        case .joint(let index, let radians, let fraction, let atLimit):
            let color = atLimit ? Palette.limitRing : Palette.text
            text.draw("q\(index)", x: rect.x + pad, y: y, .body, Palette.textDim)
            let value = String(cFormat: "%+8.2f°  %+.3f rad", radians * 180 / .pi, radians)
            text.draw(value, x: valueX, y: y, .mono, color)
            if let fraction {
                let barX = rect.maxX - pad - jointBarWidth
                let cy = y + Double(text.lineHeight(.body)) / 2
                drawJointBar(x: barX, centerY: cy, fraction: fraction, atLimit: atLimit)
            }
        }
    }

    /// A track the width of the joint's range with a marker at the joint's position.
    private func drawJointBar(x: Double, centerY: Double, fraction: Double, atLimit: Bool) {
        let s = uiScale, w = jointBarWidth, h = 4 * s
        canvas.fillRoundedRect(x: x, y: centerY - h / 2, w: w, h: h, radius: h / 2, Palette.panelEdge)
        let f = min(max(fraction.isFinite ? fraction : 0.5, 0), 1)
        let mx = x + f * w
        canvas.fillCircle(PixelPoint(x: mx, y: centerY), radius: (atLimit ? 4.5 : 3.5) * s,
                          atLimit ? Palette.limitRing : Palette.trail)
        canvas.flush()
    }

    /// The scenario name, cut with "…" to fit (a 200-character name must not widen the panel).
    func fittedTitle(maxWidth: Double) -> String {
        let name = scenario.name
        if Double(text.width(name, .title)) <= maxWidth { return name }
        var chars = Array(name)
        var lo = 0, hi = chars.count
        while lo < hi {   // the longest prefix that fits with the ellipsis
            let mid = (lo + hi + 1) / 2
            if Double(text.width(String(chars[..<mid]) + "…", .title)) <= maxWidth { lo = mid } else { hi = mid - 1 }
        }
        chars = Array(chars[..<lo])
        return String(chars) + "…"
    }

    /// ▶ running, ❚❚ paused, ■ finished.
    private func drawPlaybackIcon(x: Double, y: Double, size: Double, status: SceneStatus) {
        if status.finished {
            canvas.fillRoundedRect(x: x + size * 0.1, y: y + size * 0.1, w: size * 0.8, h: size * 0.8,
                                   radius: size * 0.12, Palette.finished)
        } else if status.paused {
            canvas.fillRoundedRect(x: x + size * 0.1, y: y, w: size * 0.3, h: size, radius: size * 0.08, Palette.paused)
            canvas.fillRoundedRect(x: x + size * 0.6, y: y, w: size * 0.3, h: size, radius: size * 0.08, Palette.paused)
        } else {
            canvas.fillConvex([PixelPoint(x: x + size * 0.1, y: y), PixelPoint(x: x + size, y: y + size / 2),
                               PixelPoint(x: x + size * 0.1, y: y + size)], Palette.good)
        }
    }
}
