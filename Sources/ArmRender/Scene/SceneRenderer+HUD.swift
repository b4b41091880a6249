import ArmKit
import CSDL2

/// The heads-up display: the readout panel (static part cached with the grid, values per frame), status badges,
/// hints and the key help.
extension SceneRenderer {
    func makeHUDLayout() -> HUDLayout {
        let s = uiScale
        let pad = 14 * s
        let x0 = 16 * s, y0 = 16 * s
        let bodyH = Double(text.lineHeight(.body))
        let titleH = Double(text.lineHeight(.title))
        let rowH = bodyH + 3 * s
        let duration = HUDFormat.seconds(scenario.simulation.duration)
        let labelW = Double(HUDLayout.labels.map { text.width($0, .body) }.max() ?? 0)
        let valueW = Double(max(text.width("-0.0000e-00 m", .mono), text.width("\(duration) / \(duration)", .mono),
                                text.width("×1/64  finished", .mono)))
        let width = max(labelW + 18 * s + valueW, Double(text.width(scenario.name, .title)) + 28 * s) + 2 * pad
        let titleY = y0 + pad
        let timeY = titleY + titleH + 4 * s
        let speedY = timeY + rowH
        let separatorY = speedY + rowH + 4 * s
        var rowY: [Double] = []
        var y = speedY + rowH + 10 * s
        for _ in HUDLayout.labels { rowY.append(y); y += rowH }
        let height = y - y0 + pad - 3 * s
        let iconSize = 12 * s
        return HUDLayout(x0: x0, y0: y0, width: width, height: height, pad: pad, titleY: titleY, timeY: timeY,
                         speedY: speedY, separatorY: separatorY, rowY: rowY, labelX: x0 + pad,
                         valueX: x0 + pad + labelW + 18 * s, iconX: x0 + width - pad - iconSize,
                         iconY: titleY + (titleH - iconSize) / 2, iconSize: iconSize)
    }

    /// The panel, its title and its labels: part of the cached static layer.
    func drawHUDPanel(_ l: HUDLayout) {
        let s = uiScale
        canvas.fillRoundedRect(x: l.x0 - 1, y: l.y0 - 1, w: l.width + 2, h: l.height + 2, radius: 10 * s + 1,
                               Palette.panelEdge)
        canvas.fillRoundedRect(x: l.x0, y: l.y0, w: l.width, h: l.height, radius: 10 * s, Palette.panel)
        canvas.fillRect(x: l.x0 + l.pad, y: l.separatorY, w: l.width - 2 * l.pad, h: max(1, s), Palette.panelEdge)
        canvas.flush()
        text.draw(scenario.name, x: l.labelX, y: l.titleY, .title, Palette.textTitle)
        text.draw("time", x: l.labelX, y: l.timeY, .body, Palette.textDim)
        text.draw("speed", x: l.labelX, y: l.speedY, .body, Palette.textDim)
        for (label, y) in zip(HUDLayout.labels, l.rowY) { text.draw(label, x: l.labelX, y: y, .body, Palette.textDim) }
    }

    /// The per-frame part of the panel: values, the state accent bar and the playback icon.
    func drawHUDValues(_ l: HUDLayout, frame: Frame, appearance: ArmAppearance, status: SceneStatus) {
        let s = uiScale
        canvas.fillRoundedRect(x: l.x0, y: l.y0 + 10 * s, w: 3.5 * s, h: l.height - 20 * s, radius: 1.75 * s,
                               appearance.color)
        drawPlaybackIcon(x: l.iconX, y: l.iconY, size: l.iconSize, status: status)
        canvas.flush()

        let sim = scenario.simulation
        text.draw("\(HUDFormat.seconds(frame.t)) / \(HUDFormat.seconds(sim.duration))", x: l.valueX, y: l.timeY,
                  .mono, Palette.text)
        var speedText = HUDFormat.speed(status.speed)
        if status.paused { speedText += "  paused" } else if status.finished { speedText += "  finished" }
        text.draw(speedText, x: l.valueX, y: l.speedY, .mono, status.paused ? Palette.paused : Palette.text)
        let values: [(String, RGBA)] = [
            (HUDFormat.metres(frame.error), frame.status == .unreachable ? Palette.armUnreachable : Palette.text),
            (HUDFormat.value(frame.sigmaMin), frame.singular ? appearance.color : Palette.text),
            (HUDFormat.value(frame.manipulability), Palette.text),
            (HUDFormat.value(frame.damping), frame.damping > 0 ? Palette.armBoundary : Palette.text),
            ("\(frame.iterations)", Palette.text),
            (frame.status.rawValue, statusColor(frame.status)),
            (frame.singularity.rawValue, frame.singularity == .none ? Palette.good : appearance.color),
        ]
        for ((value, color), y) in zip(values, l.rowY) { text.draw(value, x: l.valueX, y: y, .mono, color) }

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
        ("→", "one step (pauses)"),
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
        // On the right, so the arm (in the middle) stays in view; centred when the window is narrow.
        let rightX = Double(viewport.pixelWidth) - w - 16 * s
        let x0 = rightX > hud.x0 + hud.width + 16 * s ? rightX : (Double(viewport.pixelWidth) - w) / 2
        let y0 = (Double(viewport.pixelHeight) - h) / 2
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
