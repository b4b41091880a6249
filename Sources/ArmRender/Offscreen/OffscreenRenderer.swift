import ArmKit

/// Pictures of a simulation without any display: a software renderer on an RGBA32 surface, encoded as PNG or
/// JPEG in memory; files are written by the program's `ImageSink`.
public enum OffscreenRenderer {
    /// Runs the scenario from frame 0 to the frame `RenderTime.frameIndex` picks for `time`, with the tip's
    /// trail up to then, draws that frame and returns it encoded.
    /// Throws for a time outside the run, a missing font or an SDL failure.
    public static func renderImage(scenario: Scenario, time: Double, size: ImageSize,
                                   format: ImageFormat, panels: Set<WindowPanel> = []) throws(RenderError) -> [UInt8] {
        try SDLLibraries.require()
        let k = try RenderTime.frameIndex(time: time, simulation: scenario.simulation)
        let simulator = Simulator(scenario: scenario)
        var trail = TipTrail.standard(for: scenario)
        var last: Frame?
        var signals = SignalHistory(dt: scenario.simulation.dt)
        while simulator.upcomingIndex <= k, let frame = simulator.next() {
            trail.append(frame.tip.point, t: frame.t)
            signals.append(frame)
            last = frame
        }
        guard let frame = last else { throw RenderError(.invalidArgument, "the scenario produced no frames") }
        return try SDLSession.locked { () throws(RenderError) in
            let target = try OffscreenTarget(scenario: scenario, size: size)
            defer { target.close() }
            var status = SceneStatus()
            status.showEllipse = panels.contains(.ellipse)
            status.showCharts = panels.contains(.charts)
            status.showLandscape = panels.contains(.landscape)
            target.scene.signals = signals
            try target.draw(frame: frame, trail: trail, status: status)
            return try target.encoded(as: format)
        }
    }

    /// `renderImage` in the format `path` names (.png, .jpg, .jpeg; PNG otherwise), written to `path` through `sink`.
    public static func render(scenario: Scenario, time: Double, size: ImageSize, to path: String,
                              panels: Set<WindowPanel> = [], sink: any ImageSink) throws(RenderError) {
        let format = ImageFormat.forOutput(path)
        let bytes = try renderImage(scenario: scenario, time: time, size: size, format: format, panels: panels)
        try sink.deliver(bytes, to: path)
    }

    /// The world→pixel mapping a picture of `scenario` at this size uses: for finding things in it.
    public static func viewport(for scenario: Scenario, width: Int, height: Int) -> Viewport {
        SceneRenderer.viewport(for: scenario, path: PathSampler(scenario: scenario), width: width, height: height)
    }
}
