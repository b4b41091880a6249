import ArmKit

/// Pictures of a simulation without any display: a software renderer on an RGBA32 surface, saved as PNG.
public enum OffscreenRenderer {
    /// Runs the scenario from frame 0 to the frame k nearest `time` (k = round(time/dt)), with the tip's trail
    /// up to then, draws that frame and saves it as a PNG at `path`.
    /// Throws for a time outside [0, duration], a size outside 16…16384, a missing font or an unwritable path.
    public static func renderPNG(scenario: Scenario, time: Double, width: Int, height: Int,
                                 path: String, panels: Set<WindowPanel> = []) throws(RenderError) {
        let sim = scenario.simulation
        guard time.isFinite, time >= 0, time <= sim.duration + sim.dt / 2 else {
            throw RenderError(.invalidArgument,
                              "time must be within 0…\(sim.duration) s (the scenario's duration), got \(time)")
        }
        try OffscreenTarget.validate(width: width, height: height)
        let k = min(sim.lastIndex, Int((time / sim.dt).rounded()))
        let simulator = Simulator(scenario: scenario)
        var trail = makeTrail(for: scenario)
        var last: Frame?
        var signals = SignalHistory(dt: sim.dt)
        while simulator.upcomingIndex <= k, let frame = simulator.next() {
            trail.append(frame.tip.point, t: frame.t)
            signals.append(frame)
            last = frame
        }
        guard let frame = last else { throw RenderError(.invalidArgument, "the scenario produced no frames") }
        try SDLSession.locked { () throws(RenderError) in
            let target = try OffscreenTarget(scenario: scenario, width: width, height: height)
            defer { target.close() }
            var status = SceneStatus()
            status.showEllipse = panels.contains(.ellipse)
            status.showCharts = panels.contains(.charts)
            status.showLandscape = panels.contains(.landscape)
            target.scene.signals = signals
            try target.draw(frame: frame, trail: trail, status: status)
            try target.save(to: path)
        }
    }

    /// The world→pixel mapping a picture of `scenario` at this size uses: for finding things in it.
    public static func viewport(for scenario: Scenario, width: Int, height: Int) -> Viewport {
        SceneRenderer.viewport(for: scenario, path: PathSampler(scenario: scenario), width: width, height: height)
    }

    /// The trail every sink uses: 2.5 s of simulated time, points at least reach/800 apart.
    static func makeTrail(for scenario: Scenario) -> TipTrail {
        TipTrail(window: 2.5, minSpacing: scenario.arm.reach / 800)
    }
}
