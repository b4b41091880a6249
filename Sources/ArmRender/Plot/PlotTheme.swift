/// Plot colours: a white page with dark ink (for print), series colours that stay apart on white, and the
/// window's status colours so a plot and the window tell the same story.
enum PlotTheme {
    static let background = RGBA(hex: 0xFFFFFF)
    static let ink = RGBA(hex: 0x1F2937)
    static let inkDim = RGBA(hex: 0x6B7280)
    static let frame = RGBA(hex: 0x374151)
    static let grid = RGBA(hex: 0xE5E7EB)
    static let empty = RGBA(hex: 0xF3F4F6)
    static let guide = RGBA(hex: 0xDC2626)
    static let legendFill = RGBA(hex: 0xFFFFFF, alpha: 225)
    /// Tableau-10: distinct on white and in grey print.
    static let series: [RGBA] = [0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD,
                                 0x8C564B, 0xE377C2, 0x7F7F7F, 0xBCBD22, 0x17BECF].map { RGBA(hex: $0) }
    static func series(_ i: Int) -> RGBA { series[i % series.count] }
}
