import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// The interactive window: the scenario plays in real time (× speed); Space pauses, → steps, + / − change speed,
/// R restarts, dragging with the mouse moves the target, S saves a screenshot, H shows the keys, Esc or Q quits.
public enum WindowApp {
    /// Opens the window and runs until the user quits or `quitAfter` passes. Throws `RenderError` of kind
    /// `.noDisplay` — before any window is created — when no real display can be reached (see `DisplayProbe`).
    public static func run(scenario: Scenario, options: WindowOptions) throws(RenderError) {
        try SDLLibraries.require()
        // The size is an ImageSize: already within its one range.
        if let q = options.quitAfter, !(q.isFinite && q >= 0) {
            throw RenderError(.invalidArgument, "quit-after must be a number of seconds ≥ 0, got \(q)")
        }
        if let reason = DisplayProbe.environmentProblem() { throw RenderError(.noDisplay, reason) }
        // Diagnostics without a CLI flag: ARMSIM_RENDERER=software|accelerated, ARMSIM_REPORT_TIMING=1.
        var options = options
        if let name = ProcessEnvironment.value("ARMSIM_RENDERER") {
            guard let kind = RendererKind(rawValue: name) else {
                throw RenderError(.invalidArgument, "ARMSIM_RENDERER must be 'software' or 'accelerated', got '\(name)'")
            }
            options.renderer = kind
        }
        if let t = ProcessEnvironment.value("ARMSIM_REPORT_TIMING"), t != "0" { options.reportTiming = true }
        options.panels.formUnion(try WindowPanel.parseList(ProcessEnvironment.value("ARMSIM_PANELS") ?? "", option: "ARMSIM_PANELS"))
        try SDLSession.locked { () throws(RenderError) in
            let subsystems = SDL_INIT_VIDEO | SDL_INIT_EVENTS
            DisplayProbe.preferDriverFromEnvironment()
            guard SDL_InitSubSystem(subsystems) == 0 else {
                throw RenderError(.noDisplay, "no display available (SDL: \(SDLSession.lastError)): \(DisplayProbe.advice)")
            }
            defer { SDL_QuitSubSystem(subsystems) }
            if case .unavailable(let reason) = DisplayProbe.driverStatus() { throw RenderError(.noDisplay, reason) }
            try SDLSession.shared.ensureLibraries()
            let session = try WindowSession(scenario: scenario, options: options)
            defer { session.close() }
            try session.run()
        }
    }
}
