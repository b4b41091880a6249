/// Where the readout panel and its rows go: depends only on the UI scale, the fonts and the scenario, so it is
/// computed with the static layer and shared by its static part (panel, labels) and its per-frame part (values).
struct HUDLayout {
    /// Row labels below the separator, in order; the per-frame values line up with them.
    static let labels = ["tracking error", "σ_min", "manipulability", "λ damping", "iterations", "status", "singularity"]

    var x0: Double
    var y0: Double
    var width: Double
    var height: Double
    var pad: Double
    var titleY: Double
    /// Top of the "time" and "speed" rows.
    var timeY: Double
    var speedY: Double
    var separatorY: Double
    /// Top of each row in `labels`.
    var rowY: [Double]
    /// Left edge of the label and value columns.
    var labelX: Double
    var valueX: Double
    /// The playback icon (▶ / ❚❚ / ■) in the title row.
    var iconX: Double
    var iconY: Double
    var iconSize: Double
}
