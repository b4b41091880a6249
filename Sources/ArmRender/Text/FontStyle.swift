/// The text styles of the HUD.
enum FontStyle: Int, CaseIterable, Sendable {
    /// Labels and help text.
    case body
    /// Numbers, so changing values do not jitter.
    case mono
    /// The scenario name.
    case title
    /// Status badges.
    case badge
    /// Small print: scale bar, axis notes.
    case small

    /// Size in points at a UI scale of 1.
    var baseSize: Double {
        switch self {
        case .body: 15
        case .mono: 15
        case .title: 20
        case .badge: 14
        case .small: 12
        }
    }

    var fileName: String {
        switch self {
        case .body, .small: FontFiles.regular
        case .mono: FontFiles.mono
        case .title, .badge: FontFiles.bold
        }
    }
}
