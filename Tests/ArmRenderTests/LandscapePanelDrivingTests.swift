import ArmKit
import CSDL2
import Foundation
import Testing
@testable import ArmRender

/// The landscape panel in a real window under a private Xvfb, driven by synthetic key presses: G opens it on
/// the pair `JointPairChoice` picks at the frame on screen, P chooses again, G closes it and forgets the pair.
extension RenderingTests {
    @Suite struct LandscapePanelDriving {
        @Test(.enabled(if: PrivateXServer.available)) func keysOpenRechooseAndClose() throws {
            let server = try PrivateXServer()
            defer { server.stop() }
            let display = server.use()
            defer { display.restore() }

            let script = WindowScript()
            func strongest(_ s: WindowSession) -> (Int, Int) {
                JointPairChoice.strongest(arm: s.scenario.arm, task: s.scenario.task, q: s.frame.q, target: s.frame.target)
            }
            script.add("G opens the panel on the strongest pair", do: { _ in WindowScript.key(SDLK_g) },
                       until: { $0.scene.landscapeRect != nil }, check: { s in
                let model = s.scene.landscapePanel
                guard s.status.showLandscape, let pair = model.pair else { return "not shown" }
                let want = strongest(s)
                if pair.x != want.0 || pair.y != want.1 { return "pair \(pair), want \(want)" }
                // Paused: the search ran at once, and a 3-link arm's slice always has a minimum in ±π.
                return model.criticalPoints.contains { $0.kind == .minimum } ? nil : "no minimum: \(model.criticalPoints)"
            })
            var generation = 0
            script.add("P chooses the pair again", do: { s in
                generation = s.scene.landscapePanel.generation
                WindowScript.key(SDLK_p)
            }, until: { $0.scene.landscapePanel.generation > generation }, check: { s in
                guard let pair = s.scene.landscapePanel.pair, s.scene.landscapePanel.grid != nil else { return "no grid" }
                let want = strongest(s)
                return pair.x == want.0 && pair.y == want.1 ? nil : "pair \(pair), want \(want)"
            })
            script.add("G closes it and forgets the pair", do: { _ in WindowScript.key(SDLK_g) },
                       until: { $0.scene.landscapeRect == nil }, check: { s in
                !s.status.showLandscape && s.scene.landscapePanel.pair == nil ? nil : "still open or pair kept"
            })
            WindowSession.testHook = { script.tick($0) }
            defer { WindowSession.testHook = nil }
            var options = WindowOptions()
            options.startPaused = true
            options.quitAfter = 30
            options.renderer = .software
            try WindowApp.run(scenario: makeScenario(duration: 1), options: options)
            #expect(script.finished, "the script did not finish: passed \(script.passed)")
            #expect(script.failures.isEmpty, "\(script.failures)")
            #expect(script.passed.count == 3, "\(script.passed)")
        }
    }
}
