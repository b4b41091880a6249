import ArmKit
import CSDL2

/// Status badges, the bottom-right hints and the key help: all placed clear of the readout panel.
extension SceneRenderer {
    /// The badges for a frame, in order: singularity and solve status (the limit badge names its joints), then
    /// the window's own states.
    static func badges(frame: Frame, insight: FrameInsight, status: SceneStatus) -> [(text: String, color: RGBA)] {
        var badges = ArmAppearance.badges(for: frame).filter { $0.text != "JOINT LIMIT" }
        if !insight.jointsAtLimit.isEmpty {
            let names = insight.jointsAtLimit.prefix(4).map { "q\($0)" }.joined(separator: ", ")
            let more = insight.jointsAtLimit.count > 4 ? " +\(insight.jointsAtLimit.count - 4)" : ""
            badges.append(("JOINT LIMIT: \(names)\(more)", Palette.armLimited))
        } else if frame.status == .limited {
            badges.append(("JOINT LIMIT", Palette.armLimited))
        }
        if status.saddleFlash { badges.append(("SADDLE ESCAPE", Palette.saddle)) }
        if status.jointMode { badges.append(("JOINT MODE", Palette.targetDragged)) }
        if status.dragging { badges.append(("DRAGGING TARGET", Palette.targetDragged)) }
        if status.historyOffset > 0 { badges.append(("STEPPED BACK \(status.historyOffset)", Palette.paused)) }
        if status.finished { badges.append(("FINISHED — R restarts", Palette.finished)) }
        else if status.paused { badges.append(("PAUSED", Palette.paused)) }
        return badges
    }

    /// Chips along the top, centred in the space right of the panel, wrapping onto more rows when narrow.
    /// Returns their rectangles (for tests: nothing may overlap the panel).
    @discardableResult
    func drawBadges(_ badges: [(text: String, color: RGBA)]) -> [HUDRect] {
        guard !badges.isEmpty else { return [] }
        let s = uiScale, padX = 10 * s, padY = 5 * s, gap = 8 * s
        let left = (hudRect?.maxX ?? 0) + 12 * s, right = Double(viewport.pixelWidth) - 12 * s
        let h = Double(text.lineHeight(.badge)) + 2 * padY
        let widths = badges.map { min(Double(text.width($0.text, .badge)) + 2 * padX, right - left) }
        var lines: [[Int]] = [[]], lineWidth = 0.0
        for (i, w) in widths.enumerated() {
            if !lines[lines.count - 1].isEmpty && lineWidth + gap + w > right - left { lines.append([]); lineWidth = 0 }
            lineWidth += (lines[lines.count - 1].isEmpty ? 0 : gap) + w
            lines[lines.count - 1].append(i)
        }
        var rects = [HUDRect](repeating: HUDRect(x: 0, y: 0, width: 0, height: 0), count: badges.count)
        for (row, line) in lines.enumerated() {
            let total = line.map { widths[$0] }.reduce(0, +) + gap * Double(line.count - 1)
            var x = left + max(0, (right - left - total) / 2)
            for i in line {
                rects[i] = HUDRect(x: x, y: 12 * s + Double(row) * (h + 6 * s), width: widths[i], height: h)
                x += widths[i] + gap
            }
        }
        for (i, r) in rects.enumerated() {
            canvas.fillRoundedRect(x: r.x, y: r.y, w: r.width, h: r.height, radius: h / 2, badges[i].color)
            canvas.fillRoundedRect(x: r.x + 1.5 * s, y: r.y + 1.5 * s, w: r.width - 3 * s, h: h - 3 * s,
                                   radius: h / 2 - 1.5 * s, Palette.background.mixed(with: badges[i].color, 0.16))
        }
        canvas.flush()
        for (i, r) in rects.enumerated() { text.draw(badges[i].text, x: r.x + padX, y: r.y + padY, .badge, badges[i].color) }
        return rects
    }

    /// Bottom right: key hint and performance readout. Returns the top of what it drew.
    @discardableResult
    func drawHints(status: SceneStatus) -> Double {
        let s = uiScale, small = Double(text.lineHeight(.small))
        var y = Double(viewport.pixelHeight) - 12 * s - small
        let right = Double(viewport.pixelWidth) - 12 * s
        if status.interactive {
            let hint = status.showHelp ? "H  hide keys" : status.hudHidden ? "H  keys · Tab  readout" : "H  keys"
            text.draw(hint, x: right - Double(text.width(hint, .small)), y: y, .small, Palette.textDim)
            y -= small + 4 * s
        }
        if let perf = status.performance {
            text.draw(perf, x: right - Double(text.width(perf, .small)), y: y, .small, Palette.textDim)
            y -= small + 4 * s
        }
        return y + small
    }

    static let helpLines: [(String, String)] = [
        ("Space", "pause / resume"),
        ("→  ←", "one step forward / back (pauses)"),
        ("+  −", "speed ×2 / ÷2"),
        ("R", "restart (back on the recorded run)"),
        ("L", "loop at the end"),
        ("drag target", "move the target (Shift: from anywhere)"),
        ("J", "joint mode: drag a link to turn its joint"),
        ("wheel  I  O", "zoom in / out"),
        ("right drag", "pan;  0  refit the view"),
        ("E", "manipulability ellipse"),
        ("C", "strip charts"),
        ("G  P", "loss landscape;  P  choose its joints again"),
        ("Tab", "hide / show the readout"),
        ("S", "save a screenshot (PNG)"),
        ("F", "show draw time"),
        ("H", "show / hide this help"),
        ("Esc  Q", "quit"),
    ]

    func drawHelp() {
        let s = uiScale
        let lines = SceneRenderer.helpLines
        let rowH = Double(text.lineHeight(.body)) + 4 * s
        let keyW = Double(lines.map { text.width($0.0, .badge) }.max() ?? 0)
        let descW = Double(lines.map { text.width($0.1, .body) }.max() ?? 0)
        let pad = 16 * s
        let titleH = Double(text.lineHeight(.title))
        let w = keyW + 20 * s + descW + 2 * pad
        let h = pad + titleH + 8 * s + rowH * Double(lines.count) + pad
        // On the right, so the arm (in the middle) stays in view; centred over everything when the window is narrow.
        let rightX = Double(viewport.pixelWidth) - w - 12 * s
        let x0 = rightX > (hudRect?.maxX ?? 0) + 12 * s ? rightX : max(0, (Double(viewport.pixelWidth) - w) / 2)
        let y0 = max(0, (Double(viewport.pixelHeight) - h) / 2)
        canvas.fillRoundedRect(x: x0 - 1, y: y0 - 1, w: w + 2, h: h + 2, radius: 12 * s + 1, Palette.panelEdge)
        canvas.fillRoundedRect(x: x0, y: y0, w: w, h: h, radius: 12 * s, Palette.panel.withAlpha(245))
        canvas.flush()
        text.draw("Keys", x: x0 + pad, y: y0 + pad, .title, Palette.textTitle)
        var y = y0 + pad + titleH + 8 * s
        for (key, desc) in lines {
            text.draw(key, x: x0 + pad, y: y, .badge, Palette.trail)
            text.draw(desc, x: x0 + pad + keyW + 20 * s, y: y, .body, Palette.text)
            y += rowH
        }
    }
}
