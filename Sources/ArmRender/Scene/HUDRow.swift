import ArmKit

/// One line of the readout panel.
enum HUDRow {
    /// A label and a value in the mono font.
    case value(String, String, RGBA)
    /// A joint: its angle in degrees and radians, and where it sits inside its limits (0…1) when it has some.
    case joint(index: Int, radians: Double, fraction: Double?, atLimit: Bool)
    /// A thin rule between groups.
    case separator
    /// A full-width line of text (notes such as "off the recorded trajectory").
    case note(String, RGBA)
}

/// The panel's rows for a frame, in order of importance (rows that do not fit are dropped from the end).
enum HUDContent {
    static func rows(scenario: Scenario, frame: Frame, insight: FrameInsight, appearance: ArmAppearance,
                     status: SceneStatus) -> [HUDRow] {
        var rows: [HUDRow] = [
            .value("time", "\(HUDFormat.seconds(frame.t)) / \(HUDFormat.seconds(scenario.simulation.duration))", Palette.text),
            .value("speed", speedText(status), status.paused ? Palette.paused : Palette.text),
        ]
        for note in status.notes { rows.append(.note(note.text, note.color)) }
        rows.append(.separator)
        let unreachable = frame.status == .unreachable ? Palette.armUnreachable : Palette.text
        rows.append(.value("position error", HUDFormat.length(insight.positionError, digits: 4), unreachable))
        if let phi = insight.orientationError {
            rows.append(.value("orientation error", HUDFormat.angle(phi), Palette.text))
        }
        rows.append(.value("σ_min", HUDFormat.value(frame.sigmaMin) + " m/rad", frame.singular ? appearance.color : Palette.text))
        rows.append(.value("condition", HUDFormat.value(insight.conditionNumber), frame.singular ? appearance.color : Palette.text))
        rows.append(.value("manipulability", HUDFormat.value(frame.manipulability), Palette.text))
        rows.append(.value("λ damping", HUDFormat.value(frame.damping) + " m", frame.damping > 0 ? Palette.armBoundary : Palette.text))
        rows.append(.value("iterations", "\(frame.iterations)", Palette.text))
        rows.append(status.jointMode ? .value("status", "joint mode (no solve)", Palette.targetDragged)
                                     : .value("status", frame.status.rawValue, statusColor(frame.status)))
        rows.append(.value("singularity", frame.singularity.rawValue, frame.singularity == .none ? Palette.good : appearance.color))
        rows.append(.value("curvature of L", curvatureText(insight), curvatureColor(insight, status)))
        rows.append(.separator)
        let limits = scenario.arm.limits
        for (i, angle) in frame.q.enumerated() {
            let fraction = limits.map { l in l[i].upper > l[i].lower ? (angle - l[i].lower) / (l[i].upper - l[i].lower) : 0.5 }
            rows.append(.joint(index: i, radians: angle, fraction: fraction, atLimit: insight.jointsAtLimit.contains(i)))
        }
        return rows
    }

    static func speedText(_ status: SceneStatus) -> String {
        var text = HUDFormat.speed(status.speed)
        if status.paused { text += "  paused" } else if status.finished { text += "  finished" }
        if status.looping { text += "  loop" }
        return text
    }

    static func curvatureText(_ insight: FrameInsight) -> String {
        guard let c = insight.curvature, let low = insight.smallestCurvature else { return "— (too many joints)" }
        return "\(c.rawValue)  λmin \(HUDFormat.value(low))"
    }

    static func curvatureColor(_ insight: FrameInsight, _ status: SceneStatus) -> RGBA {
        if status.saddleFlash { return Palette.saddle }
        return insight.curvature == .saddle || insight.curvature == .hill ? Palette.saddle : Palette.text
    }

    static func statusColor(_ status: SolveStatus) -> RGBA {
        switch status {
        case .converged: Palette.good
        case .unreachable: Palette.armUnreachable
        case .limited: Palette.armLimited
        case .stalled: Palette.armStalled
        case .failed: Palette.armFailed
        }
    }
}
