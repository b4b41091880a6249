/// What the cached static layer (grid, workspace, path) depends on: rebuilt when either changes.
struct StaticLayerKey: Equatable {
    var viewport: Viewport
    var uiScale: Double
}
