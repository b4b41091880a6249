import CSDL2
import Foundation
@testable import ArmRender

/// Drives a `WindowSession` from its test hook: each step pushes SDL events (as a user would make them), then
/// waits until its condition holds (or gives up after `timeout` loop iterations) and records the outcome.
final class WindowScript {
    struct Step {
        var name: String
        var action: (WindowSession) -> Void
        var until: (WindowSession) -> Bool
        var check: (WindowSession) -> String?   // nil: passed; else what was wrong
        var timeout = 400
    }

    private var steps: [Step] = []
    private var index = 0
    private var iterations = 0
    private var started = false
    private(set) var failures: [String] = []
    private(set) var passed: [String] = []
    var finished: Bool { index >= steps.count }

    func add(_ name: String, timeout: Int = 400, do action: @escaping (WindowSession) -> Void,
             until: @escaping (WindowSession) -> Bool = { _ in true },
             check: @escaping (WindowSession) -> String? = { _ in nil }) {
        steps.append(Step(name: name, action: action, until: until, check: check, timeout: timeout))
    }

    /// The hook: one call per loop iteration, before the session polls its events.
    func tick(_ session: WindowSession) {
        if ProcessInfo.processInfo.environment["ARMSIM_SCRIPT_DEBUG"] != nil && iterations == 0 && !started {
            FileHandle.standardError.write(Data("script: starting \(index < steps.count ? steps[index].name : "end")\n".utf8))
        }
        guard index < steps.count else { session.quit = true; return }
        let step = steps[index]
        if !started {
            step.action(session)
            started = true
            iterations = 0
            return
        }
        iterations += 1
        guard iterations >= 2 else { return }   // the events were handled and a frame drawn
        if !step.until(session) && iterations < step.timeout { return }
        if let problem = step.check(session) { failures.append("\(step.name): \(problem)") } else { passed.append(step.name) }
        if ProcessInfo.processInfo.environment["ARMSIM_SCRIPT_DEBUG"] != nil {
            FileHandle.standardError.write(Data("script: \(step.name) after \(iterations): \(failures.last ?? "ok")\n".utf8))
        }
        index += 1
        started = false
    }

    // MARK: synthetic events (window coordinates)

    static func push(_ event: SDL_Event) {
        var e = event
        SDL_PushEvent(&e)
    }

    static func key(_ k: SDL_KeyCode) {
        var e = SDL_Event()
        e.type = SDL_KEYDOWN.rawValue
        e.key.state = UInt8(SDL_PRESSED)
        e.key.keysym.sym = SDL_Keycode(k.rawValue)
        push(e)
        e.type = SDL_KEYUP.rawValue
        e.key.state = UInt8(SDL_RELEASED)
        push(e)
    }

    static func button(_ down: Bool, _ b: Int32, x: Double, y: Double) {
        var e = SDL_Event()
        e.type = down ? SDL_MOUSEBUTTONDOWN.rawValue : SDL_MOUSEBUTTONUP.rawValue
        e.button.button = UInt8(b)
        e.button.state = UInt8(down ? SDL_PRESSED : SDL_RELEASED)
        e.button.x = Int32(x.rounded())
        e.button.y = Int32(y.rounded())
        push(e)
    }

    static func motion(x: Double, y: Double) {
        var e = SDL_Event()
        e.type = SDL_MOUSEMOTION.rawValue
        e.motion.x = Int32(x.rounded())
        e.motion.y = Int32(y.rounded())
        push(e)
    }

    static func wheel(_ clicks: Int32, x: Double, y: Double) {
        var e = SDL_Event()
        e.type = SDL_MOUSEWHEEL.rawValue
        e.wheel.y = clicks
        e.wheel.direction = SDL_MOUSEWHEEL_NORMAL.rawValue
        e.wheel.mouseX = Int32(x.rounded())
        e.wheel.mouseY = Int32(y.rounded())
        push(e)
    }
}

/// A private X server for one test: Xvfb on a free display number, stopped by `stop()`.
final class PrivateXServer {
    let display: String
    private let process: Process

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/Xvfb") }

    init(size: String = "1280x800x24") throws {
        struct StartError: Error, CustomStringConvertible { var description: String }
        let n = (60...99).first { !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\($0)")
            && !FileManager.default.fileExists(atPath: "/tmp/.X\($0)-lock") } ?? 99
        display = ":\(n)"
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/Xvfb")
        process.arguments = [display, "-screen", "0", size, "-nolisten", "tcp"]
        // Xvfb's chatter goes to a log of its own (kept out of the test output).
        let log = NSTemporaryDirectory() + "armsim-xvfb-\(n)-\(UUID().uuidString).log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let handle = FileHandle(forWritingAtPath: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(n)") { usleep(50_000) }
        guard FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(n)") else {
            stop()
            throw StartError(description: "Xvfb \(display) did not start")
        }
    }

    /// Points SDL at this server (DISPLAY set, Wayland and any forced video driver unset) until `restore()`.
    func use() -> SavedDisplayEnvironment {
        let saved = SavedDisplayEnvironment()
        setenv("DISPLAY", display, 1); unsetenv("WAYLAND_DISPLAY"); unsetenv("SDL_VIDEODRIVER")
        return saved
    }

    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)   // Xvfb can sit on SIGTERM while a client lingers
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: "/tmp/.X\(display.dropFirst())-lock")
        try? FileManager.default.removeItem(atPath: "/tmp/.X11-unix/X\(display.dropFirst())")
    }
}

/// The display variables as they were before a test pointed SDL at its private server.
struct SavedDisplayEnvironment {
    private let saved = ["DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"].map { ($0, ProcessInfo.processInfo.environment[$0]) }

    func restore() {
        for (k, v) in saved { if let v { setenv(k, v, 1) } else { unsetenv(k) } }
    }
}
