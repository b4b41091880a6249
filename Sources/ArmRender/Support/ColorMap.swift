/// Viridis (perceptually uniform, readable in grey and by colour-blind readers), as nine stops interpolated
/// linearly: 0 is dark purple, 1 is yellow.
enum ColorMap {
    /// Critical points as every landscape draws them (picture and window panel): ● minimum, ✕ saddle,
    /// ▲ maximum, ○ degenerate.
    static let minimum = RGBA(hex: 0x111827), saddle = RGBA(hex: 0xE11D48)
    static let maximum = RGBA(hex: 0xF97316), degenerate = RGBA(hex: 0x9CA3AF)


    static let stops: [RGBA] = [RGBA(68, 1, 84), RGBA(71, 44, 122), RGBA(59, 82, 139), RGBA(44, 114, 142),
                                RGBA(33, 145, 140), RGBA(40, 174, 128), RGBA(94, 201, 98), RGBA(170, 220, 50),
                                RGBA(253, 231, 37)]

    /// The colour at t ∈ [0, 1] (clamped; NaN maps to 0).
    static func color(_ t: Double) -> RGBA {
        let u = t.isNaN ? 0 : min(max(t, 0), 1) * Double(stops.count - 1)
        let i = min(Int(u), stops.count - 2)
        return stops[i].mixed(with: stops[i + 1], u - Double(i))
    }
}

/// Values to colours over [lower, upper] of the colour map.
struct ColorScale {
    var lower: Double
    var upper: Double
    func t(_ v: Double) -> Double { upper > lower ? (v - lower) / (upper - lower) : 0.5 }
    func color(_ v: Double) -> RGBA { ColorMap.color(t(v)) }
}
