import ArmKit
import CSDL2
#if canImport(Glibc)
import Glibc
#endif

/// Mouse and keyboard: target drags (started on or near the target, or anywhere with Shift), zoom and pan,
/// joint mode, and the keys of `SceneRenderer.helpLines`.
extension WindowSession {
    /// A press within this many pixels (× UI scale) of the target starts a drag.
    static let grabRadius = 26.0

    func pollEvents() {
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
                scene.releaseLandscapeTexture()
            case SDL_KEYDOWN:
                handleKey(event.key.keysym.sym, isRepeat: event.key.repeat != 0)
            case SDL_MOUSEWHEEL:
                let steps = Double(event.wheel.y) * (event.wheel.direction == SDL_MOUSEWHEEL_FLIPPED.rawValue ? -1 : 1)
                zoom(by: pow(1.2, steps), aboutWindowX: Double(event.wheel.mouseX), y: Double(event.wheel.mouseY))
            case SDL_MOUSEBUTTONDOWN:
                mouseDown(event.button)
            case SDL_MOUSEMOTION:
                mouseMoved(x: Double(event.motion.x), y: Double(event.motion.y))
            case SDL_MOUSEBUTTONUP:
                mouseUp(event.button)
            default:
                break
            }
        }
    }

    /// Drawable pixels under a window position.
    func pixel(x: Double, y: Double) -> PixelPoint {
        let d = WindowSession.density(window, renderer)
        return PixelPoint(x: (x + 0.5) * d, y: (y + 0.5) * d)
    }

    func worldPoint(x: Double, y: Double) -> Point2D { scene.viewport.world(pixel(x: x, y: y)) }

    private func mouseDown(_ b: SDL_MouseButtonEvent) {
        let x = Double(b.x), y = Double(b.y)
        if b.button == UInt8(SDL_BUTTON_RIGHT) || b.button == UInt8(SDL_BUTTON_MIDDLE) {
            panStart = (x, y, scene.pan)
            return
        }
        guard b.button == UInt8(SDL_BUTTON_LEFT) else { return }
        if status.jointMode { grabLink(x: x, y: y); return }
        let p = pixel(x: x, y: y), t = scene.viewport.pixel(frame.target)
        let near = (p.x - t.x) * (p.x - t.x) + (p.y - t.y) * (p.y - t.y) <= pow(Self.grabRadius * scene.uiScale, 2)
        let shift = (SDL_GetModState().rawValue & KMOD_SHIFT.rawValue) != 0
        guard near || shift else { return }
        if status.historyOffset > 0 { status.historyOffset = 0; showHistoryFrame() }
        dragTarget = worldPoint(x: x, y: y)
        dragMoved = true
        offTrajectory = true
        status.dragging = true
        if let c = handCursor { SDL_SetCursor(c) }
    }

    private func mouseMoved(x: Double, y: Double) {
        if let start = panStart {
            let s = scene.viewport.scale
            scene.pan = Point2D(x: start.pan.x - (x - start.x) * WindowSession.density(window, renderer) / s,
                                y: start.pan.y + (y - start.y) * WindowSession.density(window, renderer) / s)
        } else if jointGrab != nil {
            turnJoint(x: x, y: y)
        } else if dragTarget != nil {
            dragTarget = worldPoint(x: x, y: y)
            dragMoved = true
        }
    }

    private func mouseUp(_ b: SDL_MouseButtonEvent) {
        if b.button == UInt8(SDL_BUTTON_RIGHT) || b.button == UInt8(SDL_BUTTON_MIDDLE) { panStart = nil; return }
        guard b.button == UInt8(SDL_BUTTON_LEFT) else { return }
        jointGrab = nil
        status.grabbedJoint = nil
        if dragTarget != nil {
            dragTarget = nil
            status.dragging = false
            if let c = arrowCursor { SDL_SetCursor(c) }
        }
    }

    /// Zooms by `factor` keeping the world point under the given window position where it is.
    func zoom(by factor: Double, aboutWindowX x: Double, y: Double) {
        let before = worldPoint(x: x, y: y)
        scene.zoom = min(max(scene.zoom * factor, 1.0 / 64), 4096)
        let after = worldPoint(x: x, y: y)
        scene.pan = Point2D(x: scene.pan.x + before.x - after.x, y: scene.pan.y + before.y - after.y)
    }

    func handleKey(_ key: SDL_Keycode, isRepeat: Bool) {
        func isKey(_ k: SDL_KeyCode) -> Bool { key == SDL_Keycode(k.rawValue) }
        var w: Int32 = 0, h: Int32 = 0
        SDL_GetWindowSize(window, &w, &h)
        if isKey(SDLK_RIGHT) {
            status.paused = true
            stepsRequested += 1
        } else if isKey(SDLK_LEFT) {
            stepBack()
        } else if isKey(SDLK_PLUS) || isKey(SDLK_EQUALS) || isKey(SDLK_KP_PLUS) {
            status.speed = min(status.speed * 2, Self.speedRange.upperBound)
        } else if isKey(SDLK_MINUS) || isKey(SDLK_KP_MINUS) || isKey(SDLK_UNDERSCORE) {
            status.speed = max(status.speed / 2, Self.speedRange.lowerBound)
        } else if isKey(SDLK_i) || isKey(SDLK_o) {
            zoom(by: isKey(SDLK_i) ? 1.25 : 0.8, aboutWindowX: Double(w) / 2, y: Double(h) / 2)
        } else if isRepeat {
            return
        } else {
            handleToggle(key)
        }
    }

    /// Keys that toggle or act once (auto-repeat ignored).
    private func handleToggle(_ key: SDL_Keycode) {
        func isKey(_ k: SDL_KeyCode) -> Bool { key == SDL_Keycode(k.rawValue) }
        if isKey(SDLK_SPACE) {
            if status.jointMode { toggleJointMode() }   // playing leaves joint mode
            status.paused.toggle()
        } else if isKey(SDLK_r) {
            restart()
        } else if isKey(SDLK_l) {
            status.looping.toggle()
            status.finished = simulator.isFinished && !status.looping && status.historyOffset == 0
        } else if isKey(SDLK_j) {
            toggleJointMode()
        } else if isKey(SDLK_0) || isKey(SDLK_KP_0) {
            scene.zoom = 1
            scene.pan = .origin
        } else if isKey(SDLK_e) {
            status.showEllipse.toggle()
        } else if isKey(SDLK_c) {
            status.showCharts.toggle()
        } else if isKey(SDLK_g) {
            status.showLandscape.toggle()
        } else if isKey(SDLK_p) {
            scene.landscapePanel.rechoose()   // the pair is chosen again at the frame on screen
        } else if isKey(SDLK_TAB) {
            status.hudHidden.toggle()
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
}
