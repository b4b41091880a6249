import ArmKit

/// How the landscape panel colours its map and marks critical points: the same viridis map and marker colours as
/// the `landscape` picture (both from `ColorMap`), with the panel's own marker shapes.
enum LandscapePanelPalette {
    /// The colour at t ∈ [0, 1] (clamped; NaN maps to 0).
    static func color(_ t: Double) -> RGBA { ColorMap.color(t) }

    /// The colour of v on [lower, upper] (the middle when the range is empty).
    static func color(_ v: Double, lower: Double, upper: Double) -> RGBA {
        ColorScale(lower: lower, upper: upper).color(v)
    }

    enum Marker { case disc, cross, triangle, ring }

    /// ● minimum, ✕ saddle, ▲ maximum, ○ degenerate, coloured as in the picture's legend.
    static func marker(_ kind: CriticalPointKind) -> (Marker, RGBA) {
        switch kind {
        case .minimum: (.disc, ColorMap.minimum)
        case .saddle: (.cross, ColorMap.saddle)
        case .maximum: (.triangle, ColorMap.maximum)
        case .degenerate: (.ring, ColorMap.degenerate)
        }
    }
}
