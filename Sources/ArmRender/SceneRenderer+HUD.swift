import ArmKit
import CSDL2

/// The heads-up display: the readout panel, status badges, the scale bar's neighbours and the key help.
extension SceneRenderer {
    func drawHUD(frame: Frame, appearance: ArmAppearance, status: SceneStatus) {
        let s = uiScale
        let pad = 14 * s
        let x0 = 16 * s, y0 = 16 * s
        let bodyH = Double(text.lineHeight(.body))
        let titleH = Double(text.lineHeight(.title))
        let rowH = bodyH + 3 * s
        let sim = scenario.simulation

        let rows: [(String, String, RGBA)] = [
            ("tracking error", HUDFormat.metres(frame.error), frame.status == .unreachable ? Palette.armUnreachable : Palette.text),
            ("σ_min", HUDFormat.value(frame.sigmaMin), frame.singular ? appearance.color : Palette.text),
            ("manipulability", HUDFormat.value(frame.manipulability), Palette.text),
            ("λ damping", HUDFormat.value(frame.damping), frame.damping > 0 ? Palette.armBoundary : Palette.text),
            ("iterations", "\(frame.iterations)", Palette.text),
            ("status", frame.status.rawValue, statusColor(frame.status)),
            ("singularity", frame.singularity.rawValue, frame.singularity == .none ? Palette.good : appearance.color),
        ]
        let labelW = Double(rows.map { text.width($0.0, .body) }.max() ?? 0)
        let timeText = "\(HUDFormat.seconds(frame.t)) / \(HUDFormat.seconds(sim.duration))"
        let widest = "\(HUDFormat.seconds(sim.duration)) / \(HUDFormat.seconds(sim.duration))"
        let valueW = Double(max(text.width("-0.0000e-00 m", .mono), text.width(widest, .mono)))
        let title = scenario.name
        let width = max(labelW + 18 * s + valueW, Double(text.width(title, .title))) + 2 * pad
        let height = pad + titleH + 4 * s + rowH * 2 + 10 * s + rowH * Double(rows.count) + pad

        canvas.fillRoundedRect(x: x0 - 1, y: y0 - 1, w: width + 2, h: height + 2, radius: 10 * s + 1, Palette.panelEdge)
        canvas.fillRoundedRect(x: x0, y: y0, w: width, h: height, radius: 10 * s, Palette.panel)
        // Arm-colour accent bar: the state at a glance.
        canvas.fillRoundedRect(x: x0, y: y0 + 10 * s, w: 3.5 * s, h: height - 20 * s, radius: 1.75 * s, appearance.color)
        var y = y0 + pad
        let sepY = y + titleH + 4 * s + rowH * 2 + 4 * s
        canvas.fillRect(x: x0 + pad, y: sepY, w: width - 2 * pad, h: max(1, s), Palette.panelEdge)
        // Playback icon in the title row, right-aligned.
        let iconX = x0 + width - pad - 12 * s, iconY = y + (titleH - 12 * s) / 2
        drawPlaybackIcon(x: iconX, y: iconY, size: 12 * s, status: status)
        canvas.flush()

        text.draw(title, x: x0 + pad, y: y, .title, Palette.textTitle)
        y += titleH + 4 * s
        let vx = x0 + pad + labelW + 18 * s
        text.draw("time", x: x0 + pad, y: y, .body, Palette.textDim)
        text.draw(timeText, x: vx, y: y, .mono, Palette.text)
        y += rowH
        text.draw("speed", x: x0 + pad, y: y, .body, Palette.textDim)
        var speedText = HUDFormat.speed(status.speed)
        if status.paused { speedText += "  paused" } else if status.finished { speedText += "  finished" }
        text.draw(speedText, x: vx, y: y, .mono, status.paused ? Palette.paused : Palette.text)
        y += rowH + 10 * s
        for (label, value, color) in rows {
            text.draw(label, x: x0 + pad, y: y, .body, Palette.textDim)
            text.draw(value, x: vx, y: y, .mono, color)
            y += rowH
        }

        // Bottom right: key hint and performance readout.
        let small = Double(text.lineHeight(.small))
        var by = Double(viewport.pixelHeight) - 14 * s - small
        let right = Double(viewport.pixelWidth) - 16 * s
        if status.interactive {
            let hint = status.showHelp ? "H  hide keys" : "H  keys"
            text.draw(hint, x: right - Double(text.width(hint, .small)), y: by, .small, Palette.textDim)
            by -= small + 4 * s
        }
        if let perf = status.performance {
            text.draw(perf, x: right - Double(text.width(perf, .small)), y: by, .small, Palette.textDim)
        }
    }

    private func statusColor(_ status: SolveStatus) -> RGBA {
        switch status {
        case .converged: Palette.good
        case .unreachable: Palette.armUnreachable
        case .limited: Palette.armLimited
        case .stalled: Palette.armStalled
        case .failed: Palette.armFailed
        }
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

    /// Chips along the top centre: singularity and solve-status labels, then playback state.
    func drawBadges(frame: Frame, status: SceneStatus) {
        var badges = ArmAppearance.badges(for: frame)
        if status.dragging { badges.append(("DRAGGING TARGET", Palette.targetDragged)) }
        if status.finished { badges.append(("FINISHED — R restarts", Palette.finished)) }
        else if status.paused { badges.append(("PAUSED", Palette.paused)) }
        guard !badges.isEmpty else { return }
        let s = uiScale
        let padX = 12 * s, padY = 6 * s, gap = 10 * s
        let h = Double(text.lineHeight(.badge)) + 2 * padY
        let widths = badges.map { Double(text.width($0.text, .badge)) + 2 * padX }
        let total = widths.reduce(0, +) + gap * Double(badges.count - 1)
        var x = (Double(viewport.pixelWidth) - total) / 2
        let y = 16 * s
        for (i, badge) in badges.enumerated() {
            canvas.fillRoundedRect(x: x, y: y, w: widths[i], h: h, radius: h / 2, badge.color)
            canvas.fillRoundedRect(x: x + 1.5 * s, y: y + 1.5 * s, w: widths[i] - 3 * s, h: h - 3 * s,
                                   radius: h / 2 - 1.5 * s, Palette.background.mixed(with: badge.color, 0.16))
            x += widths[i] + gap
        }
        canvas.flush()
        x = (Double(viewport.pixelWidth) - total) / 2
        for (i, badge) in badges.enumerated() {
            text.draw(badge.text, x: x + padX, y: y + padY, .badge, badge.color)
            x += widths[i] + gap
        }
    }

    static let helpLines: [(String, String)] = [
        ("Space", "pause / resume"),
        ("→", "one step (while paused)"),
        ("+  −", "speed ×2 / ÷2"),
        ("R", "restart"),
        ("drag", "move the target by hand"),
        ("S", "save a screenshot (PNG)"),
        ("F", "show draw time"),
        ("H", "show / hide this help"),
        ("Esc  Q", "quit"),
    ]

    func drawHelp() {
        let s = uiScale
        let lines = SceneRenderer.helpLines
        let rowH = Double(text.lineHeight(.body)) + 6 * s
        let keyW = Double(lines.map { text.width($0.0, .badge) }.max() ?? 0)
        let descW = Double(lines.map { text.width($0.1, .body) }.max() ?? 0)
        let pad = 20 * s
        let titleH = Double(text.lineHeight(.title))
        let w = keyW + 24 * s + descW + 2 * pad
        let h = pad + titleH + 10 * s + rowH * Double(lines.count) + pad
        let x0 = (Double(viewport.pixelWidth) - w) / 2, y0 = (Double(viewport.pixelHeight) - h) / 2
        canvas.fillRoundedRect(x: x0 - 1, y: y0 - 1, w: w + 2, h: h + 2, radius: 12 * s + 1, Palette.panelEdge)
        canvas.fillRoundedRect(x: x0, y: y0, w: w, h: h, radius: 12 * s, Palette.panel.withAlpha(240))
        canvas.flush()
        text.draw("Keys", x: x0 + pad, y: y0 + pad, .title, Palette.textTitle)
        var y = y0 + pad + titleH + 10 * s
        for (key, desc) in lines {
            text.draw(key, x: x0 + pad, y: y, .badge, Palette.trail)
            text.draw(desc, x: x0 + pad + keyW + 24 * s, y: y, .body, Palette.text)
            y += rowH
        }
    }
}
