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
    /// Tab hides the readout panel.
    var hudHidden = false
    /// The run restarts at its end (`--loop`, key L).
    var looping = false
    /// A saddle escape happened within the last moment: the HUD flashes it.
    var saddleFlash = false
    /// Joint mode (key J): dragging a link turns its joint; no IK solve.
    var jointMode = false
    /// The joint being turned in joint mode, highlighted on the arm.
    var grabbedJoint: Int?
    /// Frames stepped back from the newest (← key); 0 shows the newest.
    var historyOffset = 0
    /// Lines under the time and speed rows ("off the recorded trajectory — R restarts").
    var notes: [(text: String, color: RGBA)] = []
    /// Key E: the manipulability (velocity) ellipse at the tip.
    var showEllipse = false
    /// Key C: strip charts of the recent signals.
    var showCharts = false
    /// Key G: the loss landscape over two joints (P chooses the pair again).
    var showLandscape = false
}
