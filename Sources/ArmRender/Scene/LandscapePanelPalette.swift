import ArmKit

/// Colours of the landscape panel: the same viridis map and marker colours as the `landscape` picture
/// (Plot/ColorMap, Plot/LandscapePicture), kept here because Scene may not depend on Plot (Plot draws through
/// Offscreen, which draws Scenes: check-architecture rejects the cycle).
enum LandscapePanelPalette {
    static let viridis: [RGBA] = [RGBA(68, 1, 84), RGBA(71, 44, 122), RGBA(59, 82, 139), RGBA(44, 114, 142),
                                  RGBA(33, 145, 140), RGBA(40, 174, 128), RGBA(94, 201, 98), RGBA(170, 220, 50),
                                  RGBA(253, 231, 37)]

    /// The colour at t ∈ [0, 1] (clamped; NaN maps to 0).
    static func color(_ t: Double) -> RGBA {
        let u = t.isNaN ? 0 : min(max(t, 0), 1) * Double(viridis.count - 1)
        let i = min(Int(u), viridis.count - 2)
        return viridis[i].mixed(with: viridis[i + 1], u - Double(i))
    }

    /// The colour of v on [lower, upper] (the middle when the range is empty).
    static func color(_ v: Double, lower: Double, upper: Double) -> RGBA {
        color(upper > lower ? (v - lower) / (upper - lower) : 0.5)
    }

    enum Marker { case disc, cross, triangle, ring }

    /// ● minimum, ✕ saddle, ▲ maximum, ○ degenerate, coloured as in the picture's legend.
    static func marker(_ kind: CriticalPointKind) -> (Marker, RGBA) {
        switch kind {
        case .minimum: (.disc, RGBA(hex: 0x111827))
        case .saddle: (.cross, RGBA(hex: 0xE11D48))
        case .maximum: (.triangle, RGBA(hex: 0xF97316))
        case .degenerate: (.ring, RGBA(hex: 0x9CA3AF))
        }
    }
}
