import ArmKit
import CSDL2
import Foundation

/// The interactive loop behind `WindowApp.run`: owns the window, its renderer and the playback state.
/// Runs entirely on the calling thread with the SDL lock held.
final class WindowSession {
    private let scenario: Scenario
    private let options: WindowOptions
    private let window: OpaquePointer
    private let renderer: OpaquePointer
    private let scene: SceneRenderer
    private let rendererName: String

    private let simulator: Simulator
    private var frame: Frame
    private var trail: TipTrail
    private var status = SceneStatus()
    /// Simulated time owed to the simulator (wall time × speed not yet turned into frames), seconds.
    private var owed = 0.0
    private var dragTarget: Point2D?
    private var dragMoved = false
    private var stepRequested = false
    private var screenshotRequested = false
    private var quit = false
    private var showPerformance = false
    private var dirty = true
    private var stats = DrawStatistics()
    private var handCursor: OpaquePointer?
    private var arrowCursor: OpaquePointer?

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
        trail = OffscreenRenderer.makeTrail(for: scenario)
        // Frame 0 is shown at once; frames 1… follow as wall time passes.
        frame = simulator.next() ?? Frame(index: 0, t: 0, target: scenario.path.target(at: 0), q: scenario.initial,
                                          tip: scenario.arm.tip(scenario.initial), error: 0, sigmaMin: 0,
                                          manipulability: 0, damping: 0, iterations: 0, singular: false,
                                          singularity: .none, status: .converged)
        trail.append(frame.tip.point, t: frame.t)
        status.interactive = true
        status.paused = options.startPaused
        status.speed = min(max(options.speed.isFinite ? options.speed : 1, Self.speedRange.lowerBound), Self.speedRange.upperBound)
        status.finished = simulator.isFinished
        handCursor = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_HAND)
        arrowCursor = SDL_CreateSystemCursor(SDL_SYSTEM_CURSOR_ARROW)
    }

    func close() {
        scene.close()
        if let c = handCursor { SDL_FreeCursor(c) }
        if let c = arrowCursor { SDL_FreeCursor(c) }
        SDL_DestroyRenderer(renderer)
        SDL_DestroyWindow(window)
    }

    /// Drawable pixels per window point.
    private static func density(_ window: OpaquePointer, _ renderer: OpaquePointer) -> Double {
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
        var last = now()
        var lastDraw = -1.0
        var finalError: RenderError?

        while true {
            let frameStart = now()
            pollEvents()
            if let limit = options.quitAfter, frameStart >= limit { quit = true }

            // Advance the simulation by wall time × speed.
            let wallDt = min(frameStart - last, 0.25)
            last = frameStart
            let steps = advance(wallDt: wallDt, deadline: frameStart + Self.catchUpBudget, clock: now)

            // Draw when something changed (or twice a second, so an idle window stays fresh).
            let mustDraw = dirty || steps > 0 || quit || screenshotRequested || frameStart - lastDraw > 0.5
            if mustDraw {
                scene.density = WindowSession.density(window, renderer)
                status.performance = showPerformance
                    ? String(format: "draw %.2f ms · %d steps/frame · ", stats.recentMean, steps) + rendererName
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
                if screenshotRequested {
                    screenshotRequested = false
                    saveInteractiveScreenshot()
                }
                if quit, let path = options.screenshotPath, finalError == nil {
                    do { try PNGWriter.saveScreenshot(renderer, to: path, sink: options.sink) } catch { finalError = error }
                }
                SDL_RenderPresent(renderer)
                let t2 = now()
                stats.add(draw: (t1 - t0) * 1000, present: (t2 - t1) * 1000, steps: steps)
                lastDraw = frameStart
                dirty = false
            }
            if quit { break }

            // Pace to about 60 frames a second; idle (paused, finished) windows wait for events instead.
            let idle = (status.paused || status.finished) && dragTarget == nil
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
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
        if let finalError { throw finalError }
    }

    // MARK: simulation

    /// Steps the simulator as far as the owed simulated time allows, within the catch-up budget.
    /// Returns the number of frames produced.
    private func advance(wallDt: Double, deadline: Double, clock: () -> Double) -> Int {
        let dt = scenario.simulation.dt
        var steps = 0
        if stepRequested {
            stepRequested = false
            if step() { steps += 1 }
        }
        if status.paused {
            owed = 0
            // Dragging while paused: one step per mouse move, so the arm still follows the hand.
            if dragTarget != nil && dragMoved && step() { steps += 1 }
            dragMoved = false
            return steps
        }
        guard !simulator.isFinished else { owed = 0; return steps }
        owed += wallDt * status.speed
        while owed >= dt && !simulator.isFinished {
            if step() { steps += 1 }
            owed -= dt
            if steps % 16 == 0 && clock() > deadline {
                owed = min(owed, dt)
                break
            }
        }
        dragMoved = false
        return steps
    }

    /// One simulator frame: along the path, or to the dragged target. False when the run is over.
    @discardableResult
    private func step() -> Bool {
        let next = dragTarget.map { simulator.next(target: Pose2D(x: $0.x, y: $0.y)) } ?? simulator.next()
        guard let next else {
            status.finished = true
            return false
        }
        frame = next
        trail.append(frame.tip.point, t: frame.t)
        status.finished = simulator.isFinished
        dirty = true
        return true
    }

    private func restart() {
        simulator.reset()
        trail.clear()
        owed = 0
        if let f = simulator.next() {
            frame = f
            trail.append(frame.tip.point, t: frame.t)
        }
        status.finished = simulator.isFinished
        dirty = true
    }

    // MARK: input

    private func pollEvents() {
        var event = SDL_Event()
        while SDL_PollEvent(&event) == 1 {
            dirty = true
            switch SDL_EventType(event.type) {
            case SDL_QUIT:
                quit = true
            case SDL_WINDOWEVENT:
                if event.window.event == UInt8(SDL_WINDOWEVENT_CLOSE.rawValue) { quit = true }
            case SDL_RENDER_TARGETS_RESET, SDL_RENDER_DEVICE_RESET:
                scene.invalidateStaticLayer()
            case SDL_KEYDOWN:
                handleKey(event.key.keysym.sym, isRepeat: event.key.repeat != 0)
            case SDL_MOUSEBUTTONDOWN where event.button.button == UInt8(SDL_BUTTON_LEFT):
                dragTarget = worldPoint(x: event.button.x, y: event.button.y)
                dragMoved = true
                status.dragging = true
                if let c = handCursor { SDL_SetCursor(c) }
            case SDL_MOUSEMOTION where dragTarget != nil:
                dragTarget = worldPoint(x: event.motion.x, y: event.motion.y)
                dragMoved = true
            case SDL_MOUSEBUTTONUP where event.button.button == UInt8(SDL_BUTTON_LEFT):
                dragTarget = nil
                status.dragging = false
                if let c = arrowCursor { SDL_SetCursor(c) }
            default:
                break
            }
        }
    }

    /// A mouse position (window points) in world coordinates.
    private func worldPoint(x: Int32, y: Int32) -> Point2D {
        let d = WindowSession.density(window, renderer)
        return scene.viewport.world(PixelPoint(x: (Double(x) + 0.5) * d, y: (Double(y) + 0.5) * d))
    }

    private func handleKey(_ key: SDL_Keycode, isRepeat: Bool) {
        func isKey(_ k: SDL_KeyCode) -> Bool { key == SDL_Keycode(k.rawValue) }
        if isKey(SDLK_RIGHT) {
            status.paused = true
            stepRequested = true
        } else if isKey(SDLK_PLUS) || isKey(SDLK_EQUALS) || isKey(SDLK_KP_PLUS) {
            status.speed = min(status.speed * 2, Self.speedRange.upperBound)
        } else if isKey(SDLK_MINUS) || isKey(SDLK_KP_MINUS) || isKey(SDLK_UNDERSCORE) {
            status.speed = max(status.speed / 2, Self.speedRange.lowerBound)
        } else if isRepeat {
            return
        } else if isKey(SDLK_SPACE) {
            status.paused.toggle()
        } else if isKey(SDLK_r) {
            restart()
        } else if isKey(SDLK_s) {
            screenshotRequested = true
        } else if isKey(SDLK_h) {
            status.showHelp.toggle()
        } else if isKey(SDLK_f) {
            showPerformance.toggle()
        } else if isKey(SDLK_ESCAPE) || isKey(SDLK_q) {
            quit = true
        }
    }

    /// S: armsim-<scenario>-<timestamp>.png in the current directory; the path (or the error) on stderr.
    private func saveInteractiveScreenshot() {
        let path = WindowSession.screenshotName(scenario: scenario.name, date: Date(),
                                                directory: FileManager.default.currentDirectoryPath)
        let message: String
        do {
            try PNGWriter.saveScreenshot(renderer, to: path, sink: options.sink)
            message = "armsim: screenshot saved to \(path)"
        } catch {
            message = "armsim: \(error.message)"
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// A file name that does not exist yet: armsim-<name>-<yyyyMMdd-HHmmss>[-n].png.
    static func screenshotName(scenario: String, date: Date, directory: String) -> String {
        let safe = String(scenario.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_" ? Character($0) : "-" })
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stem = "armsim-\(safe.isEmpty ? "scenario" : safe)-\(formatter.string(from: date))"
        var path = (directory as NSString).appendingPathComponent(stem + ".png")
        var n = 2
        while FileManager.default.fileExists(atPath: path) {
            path = (directory as NSString).appendingPathComponent("\(stem)-\(n).png")
            n += 1
        }
        return path
    }
}
