import ArmKit
import Foundation
import Testing
@testable import ArmRender

extension RenderingTests {
    /// The window must refuse, quickly and before creating a window, when there is no real display.
    @Suite struct NoDisplay {
        /// Runs `body` with the given environment variables (nil: unset), restoring them afterwards.
        func withEnvironment(_ values: [String: String?], _ body: () throws -> Void) rethrows {
            let saved = values.keys.map { ($0, ProcessInfo.processInfo.environment[$0]) }
            for (k, v) in values { if let v { setenv(k, v, 1) } else { unsetenv(k) } }
            defer { for (k, v) in saved { if let v { setenv(k, v, 1) } else { unsetenv(k) } } }
            try body()
        }

        @Test func noDisplayVariablesMeansNoWindow() {
            withEnvironment(["DISPLAY": nil, "WAYLAND_DISPLAY": nil, "SDL_VIDEODRIVER": nil]) {
                #expect(!DisplayProbe.availableDisplay())
                let e = #expect(throws: RenderError.self) {
                    try WindowApp.run(scenario: makeScenario(), options: WindowOptions())
                }
                #expect(e?.kind == .noDisplay)
                #expect(e?.message.contains("--headless") == true)
            }
        }

        @Test func sdlsOffscreenDriverIsRefused() {
            withEnvironment(["SDL_VIDEODRIVER": "offscreen"]) {
                #expect(DisplayProbe.check() == .unavailable(
                    reason: "no display available (SDL chose the 'offscreen' driver): use --headless, or run under xvfb-run"))
                let e = #expect(throws: RenderError.self) {
                    try WindowApp.run(scenario: makeScenario(), options: WindowOptions())
                }
                #expect(e?.kind == .noDisplay && e?.message.contains("'offscreen'") == true)
            }
        }

        @Test func badOptionsAreRejected() {
            // The size is an ImageSize, so a 10-pixel window cannot even be asked for.
            #expect(throws: RenderError.self) { _ = try ImageSize(width: 10, height: 400) }
            var o = WindowOptions()
            o.quitAfter = -1
            let e = #expect(throws: RenderError.self) { try WindowApp.run(scenario: makeScenario(), options: o) }
            #expect(e?.kind == .invalidArgument)
        }
    }
}
