/// The scene's colours: a dark blue-grey ground, a calm teal arm, warm colours for trouble.
enum Palette {
    static let background = RGBA(hex: 0x0F131A)
    static let gridMinor = RGBA(hex: 0x18202B)
    static let gridMajor = RGBA(hex: 0x212C3A)
    static let axis = RGBA(hex: 0x2E3D50)

    static let workspaceFill = RGBA(hex: 0x3B82F6, alpha: 18)
    static let workspaceEdge = RGBA(hex: 0x4A6FA5, alpha: 150)
    static let workspaceLabel = RGBA(hex: 0x5B7BA8)

    static let path = RGBA(hex: 0x9AA3B2, alpha: 80)
    static let trail = RGBA(hex: 0x7DD3FC)
    static let target = RGBA(hex: 0xF8FAFC)
    static let targetUnreachable = RGBA(hex: 0xFF5C5C)
    static let targetDragged = RGBA(hex: 0xFDE047)

    // Arm colours, one per `ArmAppearance`.
    static let armTracking = RGBA(hex: 0x2DD4BF)
    static let armBoundary = RGBA(hex: 0xFFB020)
    static let armInterior = RGBA(hex: 0xE879F9)
    static let armUnreachable = RGBA(hex: 0xFF6B6B)
    static let armLimited = RGBA(hex: 0xA78BFA)
    static let armStalled = RGBA(hex: 0x94A3B8)
    static let armFailed = RGBA(hex: 0xEF4444)

    static let armOutline = RGBA(hex: 0x0A0D12)
    static let joint = RGBA(hex: 0xE2E8F0)
    static let jointCore = RGBA(hex: 0x1E293B)
    static let mount = RGBA(hex: 0x64748B)
    static let mountDark = RGBA(hex: 0x334155)
    static let tip = RGBA(hex: 0xF8FAFC)

    static let panel = RGBA(hex: 0x0B0F15, alpha: 205)
    static let panelEdge = RGBA(hex: 0x2A3646, alpha: 255)
    static let text = RGBA(hex: 0xE5E9F0)
    static let textDim = RGBA(hex: 0x8B97A8)
    static let textTitle = RGBA(hex: 0xFFFFFF)
    static let good = RGBA(hex: 0x4ADE80)
    static let paused = RGBA(hex: 0x60A5FA)
    static let finished = RGBA(hex: 0x94A3B8)
    static let scaleBar = RGBA(hex: 0xCBD5E1)

    /// The ring round a joint that sits at its limit, and the end marker of its bar.
    static let limitRing = RGBA(hex: 0xF0ABFC)
    /// Saddles of L and the saddle-escape flash.
    static let saddle = RGBA(hex: 0xFB923C)
    /// The target's orientation arrow (pose task).
    static let orientation = RGBA(hex: 0xFDE68A)
    /// The manipulability ellipse at the tip, and its axes.
    static let ellipse = RGBA(hex: 0x34D399)
    /// Strip charts: background, trace, threshold line, singular shading.
    static let chartBackground = RGBA(hex: 0x0B0F15, alpha: 220)
    static let chartTrace = RGBA(hex: 0x7DD3FC)
    static let chartThreshold = RGBA(hex: 0xFFB020)
    static let chartSingular = RGBA(hex: 0xE879F9, alpha: 50)
    /// The link grabbed in joint mode.
    static let grabbed = RGBA(hex: 0xFDE047)
}
