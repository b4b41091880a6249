import ArmKit
import CSDL2
import Foundation
import Testing
@testable import ArmRender

/// The window under a private Xvfb, driven by synthetic SDL events pushed from the session's test hook:
/// zoom, pan, refit, step forward and back, loop, a click away from the target, a drag after the end,
/// joint mode. Each step asserts the session's state afterwards.
extension RenderingTests {
    @Suite struct WindowDriving {
        static let lastJointLimit = JointLimit(lower: -1.0, upper: 1.2)

        func scenario() throws -> Scenario {
            let arm = try PlanarArm(links: [1.0, 0.8, 0.6], limits: [JointLimit(lower: -3, upper: 3),
                                                                     JointLimit(lower: -2.6, upper: 2.6), Self.lastJointLimit])
            return Scenario(name: "driven", arm: arm, initial: [0.4, 0.6, 0.3], task: .position,
                            path: CirclePath(center: Point2D(x: 1.2, y: 0.4), radius: 0.4, period: 2),
                            solver: SolverConfig(), simulation: SimulationConfig(dt: 0.01, duration: 0.4))
        }

        /// Window coordinates of a world point (the drawable has one pixel per point under Xvfb).
        static func window(_ s: WindowSession, _ p: Point2D) -> (x: Double, y: Double) {
            let px = s.scene.viewport.pixel(p)
            return (px.x - 0.5, px.y - 0.5)
        }

        @Test(.enabled(if: PrivateXServer.available)) func drivesEveryInteraction() throws {
            let server = try PrivateXServer()
            defer { server.stop() }
            let display = server.use()
            defer { display.restore() }

            let script = WindowScript()
            addViewSteps(script)
            addPlaybackSteps(script)
            addDragSteps(script)
            addJointModeSteps(script)
            WindowSession.testHook = { script.tick($0) }
            defer { WindowSession.testHook = nil }
            var options = WindowOptions()
            options.startPaused = true
            options.quitAfter = 60
            options.renderer = .software
            try WindowApp.run(scenario: try scenario(), options: options)
            #expect(script.finished, "the script did not finish: passed \(script.passed)")
            #expect(script.failures.isEmpty, "\(script.failures)")
            #expect(script.passed.count >= 12, "\(script.passed)")
        }

        func addViewSteps(_ script: WindowScript) {
            var anchor = Point2D.origin, mouse = (x: 0.0, y: 0.0), pan = Point2D.origin, scale = 1.0
            script.add("wheel zooms about the mouse", do: { s in
                mouse = Self.window(s, s.frame.target.point)
                anchor = s.worldPoint(x: mouse.x, y: mouse.y)
                WindowScript.wheel(1, x: mouse.x, y: mouse.y)
            }, check: { s in
                let now = s.worldPoint(x: mouse.x, y: mouse.y)
                let drift = hypot(now.x - anchor.x, now.y - anchor.y) * s.scene.viewport.scale
                return abs(s.scene.zoom - 1.2) < 1e-9 && drift < 1.5 ? nil : "zoom \(s.scene.zoom), drift \(drift) px"
            })
            script.add("I zooms in", do: { _ in WindowScript.key(SDLK_i) },
                       check: { s in abs(s.scene.zoom - 1.5) < 1e-9 ? nil : "zoom \(s.scene.zoom)" })
            script.add("right-drag pans", do: { s in
                pan = s.scene.pan; scale = s.scene.viewport.scale
                WindowScript.button(true, SDL_BUTTON_RIGHT, x: 300, y: 300)
                WindowScript.motion(x: 400, y: 350)
                WindowScript.button(false, SDL_BUTTON_RIGHT, x: 400, y: 350)
            }, check: { s in
                let dx = s.scene.pan.x - pan.x, dy = s.scene.pan.y - pan.y
                return abs(dx + 100 / scale) < 1e-9 && abs(dy - 50 / scale) < 1e-9 ? nil : "pan moved by (\(dx), \(dy))"
            })
            script.add("0 refits", do: { _ in WindowScript.key(SDLK_0) }, check: { s in
                s.scene.zoom == 1 && s.scene.pan == .origin ? nil : "zoom \(s.scene.zoom) pan \(s.scene.pan)"
            })
        }

        func addPlaybackSteps(_ script: WindowScript) {
            script.add("→ five times", do: { _ in for _ in 0..<5 { WindowScript.key(SDLK_RIGHT) } },
                       until: { $0.frame.index == 5 },
                       check: { s in s.frame.index == 5 && s.status.paused ? nil : "frame \(s.frame.index)" })
            var q3: [Double] = []
            script.add("← twice steps back", do: { _ in WindowScript.key(SDLK_LEFT); WindowScript.key(SDLK_LEFT) }, check: { s in
                q3 = s.frame.q
                return s.frame.index == 3 && s.status.historyOffset == 2 && s.trail.pointCount <= 4
                    ? nil : "frame \(s.frame.index), offset \(s.status.historyOffset)"
            })
            script.add("→ replays the history", do: { _ in WindowScript.key(SDLK_RIGHT) }, check: { s in
                s.frame.index == 4 && s.status.historyOffset == 1 && s.frame.q != q3 ? nil : "frame \(s.frame.index)"
            })
            var seen = 0, looped = false
            script.add("screenshot of a stepped-back frame", do: { s in
                if let dir = ProcessInfo.processInfo.environment["ARMSIM_DOC_SHOTS"] { s.pendingScreenshot = dir + "/window-stepped-back.png" }
            })
            script.add("L loops the run", timeout: 3000, do: { _ in
                WindowScript.key(SDLK_l); WindowScript.key(SDLK_PLUS); WindowScript.key(SDLK_SPACE)
            }, until: { s in
                if s.frame.index < seen { looped = true }
                seen = s.frame.index
                return looped && s.frame.index > 2
            }, check: { s in looped && s.status.looping ? nil : "no loop seen (last frame \(s.frame.index))" })
            script.add("L off: the run finishes", timeout: 3000, do: { _ in WindowScript.key(SDLK_l) },
                       until: { $0.status.finished },
                       check: { s in s.status.finished && s.frame.index == 40 ? nil : "frame \(s.frame.index)" })
        }

        func addDragSteps(_ script: WindowScript) {
            script.add("a click away from the target does not drag", do: { _ in
                WindowScript.button(true, SDL_BUTTON_LEFT, x: 20, y: 780)
            }, check: { s in s.dragTarget == nil && !s.status.dragging ? nil : "a drag started" })
            script.add("release", do: { _ in WindowScript.button(false, SDL_BUTTON_LEFT, x: 20, y: 780) })
            var aim = Point2D.origin
            script.add("drag after the end moves the arm", do: { s in
                let from = Self.window(s, s.frame.target.point)
                WindowScript.button(true, SDL_BUTTON_LEFT, x: from.x, y: from.y)
                WindowScript.motion(x: from.x - 60, y: from.y + 40)
                aim = s.worldPoint(x: (from.x - 60).rounded(), y: (from.y + 40).rounded())
            }, check: { s in
                let moved = hypot(s.frame.target.x - aim.x, s.frame.target.y - aim.y) < 1e-9
                let followed = hypot(s.frame.tip.x - aim.x, s.frame.tip.y - aim.y) < 1e-6
                return moved && followed && s.status.finished && s.offTrajectory && s.frame.index == 40
                    ? nil : "target \(s.frame.target), tip \(s.frame.tip), aim \(aim)"
            })
            script.add("release: the HUD says off the recorded run", do: { s in
                WindowScript.button(false, SDL_BUTTON_LEFT, x: 0, y: 0)
            }, check: { s in
                s.dragTarget == nil && s.status.notes.contains { $0.text.contains("R restarts") } ? nil : "\(s.status.notes)"
            })
            script.add("Shift-click far from the target starts a drag there", do: { _ in
                SDL_SetModState(KMOD_LSHIFT)
                WindowScript.button(true, SDL_BUTTON_LEFT, x: 900, y: 500)
            }, check: { s in
                let p = s.worldPoint(x: 900, y: 500)
                SDL_SetModState(KMOD_NONE)
                return s.status.dragging && s.dragTarget == p ? nil : "dragging \(s.status.dragging), target \(String(describing: s.dragTarget))"
            })
            script.add("release the Shift drag", do: { _ in WindowScript.button(false, SDL_BUTTON_LEFT, x: 900, y: 500) },
                       check: { s in s.dragTarget == nil ? nil : "still dragging" })
        }

        func addJointModeSteps(_ script: WindowScript) {
            var q: [Double] = []
            script.add("J enters joint mode; dragging the last link turns its joint", do: { s in
                WindowScript.key(SDLK_j)
                q = s.frame.q
                let j = s.scenario.arm.jointPositions(q)
                let mid = Point2D(x: (j[2].x + j[3].x) / 2, y: (j[2].y + j[3].y) / 2)
                let turned = Self.rotate(mid, about: j[2], by: -0.3)
                let a = Self.window(s, mid), b = Self.window(s, turned)
                WindowScript.button(true, SDL_BUTTON_LEFT, x: a.x, y: a.y)
                WindowScript.motion(x: b.x, y: b.y)
            }, check: { s in
                let turn = s.frame.q[2] - q[2]
                let tip = s.scenario.arm.tip(s.frame.q)
                return s.status.jointMode && s.status.grabbedJoint == 2 && abs(turn + 0.3) < 0.03
                    && s.frame.q[0] == q[0] && s.frame.q[1] == q[1] && hypot(tip.x - s.frame.tip.x, tip.y - s.frame.tip.y) < 1e-12
                    ? nil : "turned by \(turn), q \(s.frame.q)"
            })
            script.add("turning past the limit stops at it", do: { s in
                let j = s.scenario.arm.jointPositions(q)
                let mid = Point2D(x: (j[2].x + j[3].x) / 2, y: (j[2].y + j[3].y) / 2)
                let b = Self.window(s, Self.rotate(mid, about: j[2], by: 2.5))
                WindowScript.motion(x: b.x, y: b.y)
                WindowScript.button(false, SDL_BUTTON_LEFT, x: b.x, y: b.y)
            }, check: { s in
                let expected = SingularityAnalysis(arm: s.scenario.arm, q: s.frame.q, task: .position,
                                                   threshold: s.scenario.solver.singularThreshold(for: s.scenario.arm))
                return s.frame.q[2] == Self.lastJointLimit.upper && s.frame.sigmaMin == expected.sigmaMin
                    && s.status.grabbedJoint == nil ? nil : "q2 = \(s.frame.q[2]), σ \(s.frame.sigmaMin)"
            })
            script.add("J again leaves joint mode, the arm as it was", do: { _ in WindowScript.key(SDLK_j) }, check: { s in
                !s.status.jointMode && s.frame.q == q ? nil : "joint mode \(s.status.jointMode), q \(s.frame.q) vs \(q)"
            })
            if let dir = ProcessInfo.processInfo.environment["ARMSIM_DOC_SHOTS"] {
                script.add("screenshot", do: { s in s.pendingScreenshot = dir + "/window-driven.png" })
            }
        }

        static func rotate(_ p: Point2D, about c: Point2D, by a: Double) -> Point2D {
            let dx = p.x - c.x, dy = p.y - c.y
            return Point2D(x: c.x + dx * cos(a) - dy * sin(a), y: c.y + dx * sin(a) + dy * cos(a))
        }
    }
}
