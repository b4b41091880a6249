extension Scenario {
    /// The span of time to sample to draw the whole path faintly: the path's natural duration (one
    /// period, or the time to its end) when it has one, else the simulation's duration.
    public var pathPreviewDuration: Double {
        if let d = (path as? any PathDescribing)?.naturalDuration, d.isFinite, d > 0 { return d }
        return max(simulation.duration.isFinite ? simulation.duration : 0, 0)
    }

    /// `samples` target positions at evenly spaced times over `pathPreviewDuration`, both ends included.
    public func pathPreview(samples: Int) -> [Point2D] {
        guard samples > 0 else { return [] }
        let span = pathPreviewDuration
        if samples == 1 { return [path.target(at: 0).point] }
        let step = span / Double(samples - 1)
        return (0..<samples).map { k in path.target(at: k == samples - 1 ? span : Double(k) * step).point }
    }
}
