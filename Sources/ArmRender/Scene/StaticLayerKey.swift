/// What the cached static layer (grid, workspace, path, the readout panel's background) depends on: rebuilt
/// when any changes.
struct StaticLayerKey: Equatable {
    var viewport: Viewport
    var uiScale: Double
    var hud: HUDRect?
}
