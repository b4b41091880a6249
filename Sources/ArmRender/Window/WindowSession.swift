import ArmKit
import CSDL2
import Glibc

/// The interactive loop behind `WindowApp.run`: owns the window, its renderer and the playback state.
/// Runs entirely on the calling thread with the SDL lock held.
final class WindowSession {
    let scenario: Scenario
    let options: WindowOptions
    let window: OpaquePointer
    let renderer: OpaquePointer
    let scene: SceneRenderer
    private let rendererName: String

    let simulator: Simulator
    /// The frame on screen (from the simulator, the history, an interactive solve or joint mode).
    var frame: Frame
    var trail: TipTrail
    var status = SceneStatus()
    /// Simulated time owed to the simulator (wall time × speed not yet turned into frames), seconds.
    var owed = 0.0
    var dragTarget: Point2D?
    var dragMoved = false
    /// → presses not yet turned into frames (each press is one frame, however fast they come).
    var stepsRequested = 0
    var screenshotRequested = false
    var quit = false
    var showPerformance = false
    var dirty = true
    private var stats = DrawStatistics()
    var handCursor: OpaquePointer?
    var arrowCursor: OpaquePointer?

    /// The frames shown so far (newest last), for ← and for the charts after a step back.
    var history = FrameHistory(capacity: WindowSession.historyCapacity)
    var signals: SignalHistory
    /// A solver of the scenario's own settings: re-solves the last step to see whether it escaped a saddle, and
    /// moves the arm after the end of the run (dragging the target is then interactive).
    let probe: any IKSolver
    /// The frame's q before the latest step (what the probe solves from).
    var previousQ: [Double]
    /// Wall time until which the HUD flashes SADDLE ESCAPE.
    var saddleFlashUntil = -1.0
    /// A drag moved the target: the frames differ from the recorded (`--headless`) run until R restarts.
    var offTrajectory = false
    /// Right- or middle-drag: where it started (window pixels) and the pan then.
    var panStart: (x: Double, y: Double, pan: Point2D)?
    /// Joint mode drag: the joint, the mouse's angle about it when grabbed, and the joint's angle then.
    var jointGrab: (joint: Int, mouseAngle: Double, q: Double)?
    /// The frame on screen when joint mode began: shown again when it ends.
    var frameBeforeJointMode: Frame?
    /// Saved after the next drawn frame (tests and documentation screenshots), then cleared.
    var pendingScreenshot: String?
    /// Seconds since the session started (SDL's performance counter).
    var clock: () -> Double = { 0 }

    /// Called once per loop iteration before events are polled: tests push SDL events and check state here.
    nonisolated(unsafe) static var testHook: ((WindowSession) -> Void)?

    static let historyCapacity = 1200
    /// How long the saddle-escape flash stays, wall seconds.
    static let saddleFlashSeconds = 1.2
    /// At most this much wall time per video frame goes into catching up with the simulation; past it the
    /// backlog is dropped (the simulation runs slower than asked rather than falling ever further behind).
    private static let catchUpBudget = 0.008
    private static let frameInterval = 1.0 / 60
    static let speedRange = (1.0 / 64)...64.0

    init(scenario: Scenario, options: WindowOptions) throws(RenderError) {
        self.scenario = scenario
        self.options = options
        let title = "armsim — \(scenario.name)"
        let flags = SDL_WINDOW_SHOWN.rawValue | SDL_WINDOW_RESIZABLE.rawValue | SDL_WINDOW_ALLOW_HIGHDPI.rawValue
        guard let window = SDL_CreateWindow(title, ARMSIM_SDL_WINDOWPOS_CENTERED, ARMSIM_SDL_WINDOWPOS_CENTERED,
                                            Int32(options.width), Int32(options.height), flags) else {
            throw RenderError(.sdl, "cannot open a \(options.width)×\(options.height) window: \(SDLSession.lastError)")
        }
        // The accelerated renderer (with vsync where the display has it) falls back to the software renderer
        // when the machine has no usable OpenGL.
        var created: OpaquePointer?
        if options.renderer == .accelerated {
            created = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED.rawValue | SDL_RENDERER_PRESENTVSYNC.rawValue)
        }
        if created == nil { created = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE.rawValue) }
        guard let renderer = created else {
            let reason = SDLSession.lastError
            SDL_DestroyWindow(window)
            throw RenderError(.sdl, "cannot create a renderer for the window: \(reason)")
        }
        var info = SDL_RendererInfo()
        SDL_GetRendererInfo(renderer, &info)
        rendererName = info.name.map { String(cString: $0) } ?? options.renderer.rawValue
        do {
            let software = (info.flags & SDL_RENDERER_SOFTWARE.rawValue) != 0
            let format = software ? SDL_GetWindowPixelFormat(window) : UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue)
            scene = try SceneRenderer(renderer: renderer, scenario: scenario,
                                      density: WindowSession.density(window, renderer),
                                      layerFormat: format == UInt32(SDL_PIXELFORMAT_UNKNOWN.rawValue)
                                          ? UInt32(SDL_PIXELFORMAT_ARGB8888.rawValue) : format)
        } catch {
            SDL_DestroyRenderer(renderer)
            SDL_DestroyWindow(window)
            throw error
        }
        self.window = window
        self.renderer = renderer
        simulator = Simulator(scenario: scenario)
        probe = makeSolver(arm: scenario.arm, task: scenario.task, config: scenario.solver, rest: scenario.initial)
        previousQ = scenario.initial
        signals = SignalHistory(dt: scenario.simulation.dt)
        trail = TipTrail.standard(for: scenario)
        // Frame 0 is shown at once; frames 1… follow as wall time passes.
        frame = simulator.next() ?? Frame(index: 0, t: 0, target: scenario.path.target(at: 0), q: scenario.initial,
                                          tip: scenario.arm.tip(scenario.initial), error: 0, sigmaMin: 0,
                                          manipulability: 0, damping: 0, iterations: 0, singular: false,
                                          singularity: .none, status: .converged)
        status.interactive = true
        status.paused = options.startPaused
        status.looping = options.loop
        status.showEllipse = options.panels.contains(.ellipse)
        status.showCharts = options.panels.contains(.charts)
        status.showLandscape = options.panels.contains(.landscape)
        status.speed = min(max(options.speed.isFinite ? options.speed : 1, Self.speedRange.lowerBound), Self.speedRange.upperBound)
        status.finished = simulator.isFinished
        scene.signals = signals
        handCursor = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND)
        arrowCursor = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW)
        record(frame)
    }

    func close() {
        scene.close()
        if let c = handCursor { SDL_FreeCursor(c) }
        if let c = arrowCursor { SDL_FreeCursor(c) }
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
    }

    /// Drawable pixels per window point.
    static func density(_ window: OpaquePointer, _ renderer: OpaquePointer) -> Double {
        var ww: Int32 = 0, wh: Int32 = 0, pw: Int32 = 0, ph: Int32 = 0
        SDL_GetWindowSize(window, &ww, &wh)
        SDL_GetRendererOutputSize(renderer, &pw, &ph)
        return ww > 0 && pw > 0 ? Double(pw) / Double(ww) : 1
    }

    /// Runs until the user quits or `quitAfter` passes. Throws only when the final screenshot cannot be saved.
    func run() throws(RenderError) {
        let start = SDL_GetPerformanceCounter()
        let frequency = Double(SDL_GetPerformanceFrequency())
        func now() -> Double { Double(SDL_GetPerformanceCounter() - start) / frequency }
        clock = now
        var last = now()
        var lastDraw = -1.0
        var finalError: RenderError?

        while true {
            let frameStart = now()
            Self.testHook?(self)
            pollEvents()
            if let limit = options.quitAfter, frameStart >= limit { quit = true }

            // Advance the simulation by wall time × speed.
            let wallDt = min(frameStart - last, 0.25)
            last = frameStart
            let steps = advance(wallDt: wallDt, deadline: frameStart + Self.catchUpBudget, clock: now)

            // Draw when something changed (or twice a second, so an idle window stays fresh).
            let mustDraw = dirty || steps > 0 || quit || screenshotRequested || pendingScreenshot != nil
                || frameStart - lastDraw > 0.5
            if mustDraw {
                scene.density = WindowSession.density(window, renderer)
                refreshOverlays(now: frameStart)
                status.performance = showPerformance
                    ? String(cFormat: "draw %.2f ms · %d steps/frame · ", stats.recentMean, steps) + rendererName
                    : nil
                let t0 = now()
                do {
                    try scene.draw(frame: frame, trail: trail, status: status)
                } catch {
                    // Fonts were fine at start; a failure here is a rescale that could not reopen them.
                    finalError = error
                    quit = true
                }
                SDL_RenderFlush(renderer)  // the software renderer rasterises here, so "draw" includes it
                let t1 = now()
                saveScreenshots(finalError: &finalError)
                SDL_RenderPresent(renderer)
                let t2 = now()
                stats.add(draw: (t1 - t0) * 1000, present: (t2 - t1) * 1000, steps: steps)
                lastDraw = frameStart
                dirty = false
            }
            if quit { break }

            // Pace to about 60 frames a second; idle (paused, finished) windows wait for events instead.
            let idle = (status.paused || status.finished) && dragTarget == nil && frameStart >= saddleFlashUntil
            let remaining = Self.frameInterval - (now() - frameStart)
            if idle {
                var limitMs = 100.0
                if let q = options.quitAfter { limitMs = min(limitMs, max(0, (q - now()) * 1000)) }
                if SDL_WaitEventTimeout(nil, Int32(max(1, limitMs))) == 1 { dirty = true }
            } else if remaining > 0.0005 {
                SDL_Delay(UInt32(remaining * 1000))
            }
        }
        if options.reportTiming {
            var w: Int32 = 0, h: Int32 = 0
            SDL_GetRendererOutputSize(renderer, &w, &h)
            let line = stats.summary(wallSeconds: now(), renderer: rendererName, size: (Int(w), Int(h)))
            writeToStandardError(line + "\n")
        }
        if let finalError { throw finalError }
    }

    /// After drawing, before presenting: the test/documentation screenshot, the S key's, and `--screenshot`
    /// when quitting. A failure to save ends the run with that error (the S key's only reports it).
    private func saveScreenshots(finalError: inout RenderError?) {
        if let path = pendingScreenshot {
            pendingScreenshot = nil
            do { try PNGWriter.saveScreenshot(renderer, to: path, sink: options.sink) } catch { finalError = error; quit = true }
        }
        if screenshotRequested {
            screenshotRequested = false
            saveInteractiveScreenshot()
        }
        if quit, let path = options.screenshotPath, finalError == nil {
            do { try PNGWriter.saveScreenshot(renderer, to: path, sink: options.sink) } catch { finalError = error }
        }
    }

    /// S: armsim-<scenario>-<timestamp>.png in the current directory; the path (or the error) on stderr.
    private func saveInteractiveScreenshot() {
        let path = WindowSession.screenshotName(scenario: scenario.name, seconds: ProcessEnvironment.now,
                                                directory: ProcessEnvironment.currentDirectory)
        let message: String
        do {
            try PNGWriter.saveScreenshot(renderer, to: path, sink: options.sink)
            message = "armsim: screenshot saved to \(path)"
        } catch {
            message = "armsim: \(error.message)"
        }
        writeToStandardError(message + "\n")
    }

    /// A file name that does not exist yet: armsim-<name>-<yyyyMMdd-HHmmss>[-n].png.
    static func screenshotName(scenario: String, seconds: time_t, directory: String) -> String {
        let safe = String(scenario.unicodeScalars.map { ($0.properties.isAlphabetic || $0.properties.numericType != nil) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
        // Local time, yyyyMMdd-HHmmss, by strftime (DateFormatter is not in FoundationEssentials).
        var seconds = seconds, parts = tm(), text = [CChar](repeating: 0, count: 32)
        localtime_r(&seconds, &parts)
        let length = strftime(&text, text.count, "%Y%m%d-%H%M%S", &parts)
        let stamp = String(decoding: text.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let stem = "armsim-\(safe.isEmpty ? "scenario" : safe)-\(stamp)"
        var path = directory.joinedPath(stem + ".png")
        var n = 2
        while ProcessEnvironment.fileExists(path) {
            path = directory.joinedPath("\(stem)-\(n).png")
            n += 1
        }
        return path
    }
}
