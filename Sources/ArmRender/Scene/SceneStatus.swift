/// What the scene shows besides the frame itself: playback state and overlays.
struct SceneStatus: Sendable {
    var speed: Double = 1
    var paused = false
    var finished = false
    var dragging = false
    var showHelp = false
    /// The window shows a "H — keys" hint; offscreen pictures do not.
    var interactive = false
    /// A performance readout ("draw 2.1 ms"), when enabled.
    var performance: String?
}
