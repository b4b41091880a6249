import ArmKit
import Foundation
import Testing
@testable import ArmRender

/// Pictures for docs/window.md, written only when ARMSIM_DOC_SHOTS names a directory:
/// `ARMSIM_DOC_SHOTS=docs swift test --filter DocumentationShots`. Each is the scene renderer the window uses,
/// on an offscreen target, with the window state set as the keys would set it.
extension RenderingTests {
    @Suite(.enabled(if: ProcessInfo.processInfo.environment["ARMSIM_DOC_SHOTS"] != nil))
    struct DocumentationShots {
        let dir = ProcessInfo.processInfo.environment["ARMSIM_DOC_SHOTS"] ?? ""

        /// Runs `scenario` to time t, collecting the trail, the history and the chart signals on the way.
        func run(_ scenario: Scenario, to t: Double) -> (Frame, TipTrail, SignalHistory) {
            let sim = Simulator(scenario: scenario)
            var trail = TipTrail.standard(for: scenario)
            var signals = SignalHistory(dt: scenario.simulation.dt)
            var last: Frame?
            while sim.upcomingIndex <= Int((t / scenario.simulation.dt).rounded()), let f = sim.next() {
                trail.append(f.tip.point, t: f.t)
                signals.append(f)
                last = f
            }
            return (last!, trail, signals)
        }

        func shoot(_ file: String, _ scenarioFile: String, at t: Double, size: (Int, Int) = (1280, 800),
                   edit: (Scenario, inout Frame, inout SceneStatus) -> Void = { _, _, _ in }) throws {
            let scenario = try load(scenarioFile)
            var (frame, trail, signals) = run(scenario, to: t)
            var status = SceneStatus()
            status.interactive = true
            edit(scenario, &frame, &status)
            try SDLSession.locked { () throws(RenderError) in
                let target = try OffscreenTarget(scenario: scenario, width: size.0, height: size.1)
                defer { target.close() }
                target.scene.signals = signals
                try target.draw(frame: frame, trail: trail, status: status)
                try target.save(to: dir + "/" + file)
            }
        }

        /// The shipped pose.json, full-extension.json and joint-limit.json, built in code (this test target does not link ArmIO).
        func load(_ name: String) throws -> Scenario {
            let limits = [JointLimit(lower: -3.1, upper: 3.1), JointLimit(lower: -2.6, upper: 2.6), JointLimit(lower: -2.6, upper: 2.6)]
            switch name {
            case "pose":
                return Scenario(name: "pose", arm: try PlanarArm(links: [1.0, 0.8, 0.5], limits: limits),
                                initial: [-1.47, 1.79, 0.18], task: .pose,
                                path: PoseLine(from: Point2D(x: 1.3, y: -0.5), to: Point2D(x: 1.3, y: 0.8), leg: 4, phi: 0.5),
                                solver: SolverConfig(), simulation: SimulationConfig(dt: 0.01, duration: 16))
            case "full-extension":
                return Scenario(name: "full-extension", arm: try PlanarArm(links: [1.0, 0.8, 0.6]), initial: [0, 0, 0],
                                task: .position,
                                path: PoseLine(from: Point2D(x: 2.1, y: 0), to: Point2D(x: 2.8, y: 0), leg: 2.5, phi: 0),
                                solver: SolverConfig(), simulation: SimulationConfig(dt: 0.01, duration: 10))
            default:
                let tight = [JointLimit(lower: -1.5, upper: 1.5), JointLimit(lower: -0.2, upper: 0.9), JointLimit(lower: -0.2, upper: 0.9)]
                return Scenario(name: "joint-limit", arm: try PlanarArm(links: [1.0, 0.8, 0.6], limits: tight),
                                initial: [0.2, 0.5, 0.5], task: .position,
                                path: CirclePath(center: Point2D(x: 1.0, y: 0.6), radius: 0.7, period: 6),
                                solver: SolverConfig(), simulation: SimulationConfig(dt: 0.01, duration: 12))
            }
        }

        @Test func pictures() throws {
            try shoot("window-hud.png", "pose", at: 5.3)
            try shoot("window-hud-640x400.png", "pose", at: 5.3, size: (640, 400))
            try shoot("window-limit-640x400.png", "joint-limit", at: 2.8, size: (640, 400))
            try shoot("window-ellipse.png", "joint-limit", at: 1.0) { _, _, s in s.showEllipse = true }
            try shoot("window-charts.png", "full-extension", at: 6.2) { _, _, s in s.showCharts = true; s.showEllipse = true }
            try shoot("window-panels-640x400.png", "full-extension", at: 6.2, size: (640, 400)) { _, _, s in
                s.showCharts = true; s.showEllipse = true
            }
            try shoot("window-help-640x400.png", "pose", at: 5.3, size: (640, 400)) { _, _, s in s.showHelp = true }
            for (file, size) in [("window-joint-mode.png", (1280, 800)), ("window-joint-mode-640x400.png", (640, 400))] {
                try shootJointMode(file, size: size)
            }
        }

        func shootJointMode(_ file: String, size: (Int, Int)) throws {
            try shoot(file, "joint-limit", at: 1.0, size: size) { scenario, f, s in
                var q = f.q
                q[1] = -0.15
                f = WindowSession.teachFrame(scenario: scenario, q: q, like: f)
                s.jointMode = true; s.paused = true; s.grabbedJoint = 1
                s.notes = [("joint mode: drag a link · J leaves", Palette.targetDragged)]
            }
        }
    }
}

/// The pose scenario's ping-pong line with a fixed orientation.
struct PoseLine: TargetPath {
    var from: Point2D, to: Point2D, leg: Double, phi: Double
    func target(at t: Double) -> Pose2D {
        let u = t.truncatingRemainder(dividingBy: 2 * leg) / leg
        let f = u <= 1 ? u : 2 - u
        return Pose2D(x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f, phi: phi)
    }
}
