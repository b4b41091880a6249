import ArmKit
import Foundation
import Testing
@testable import ArmRender

extension RenderingTests {
    @Suite struct Offscreen {
        /// Runs the simulator to the frame renderPNG draws for `time`.
        func frame(_ scenario: Scenario, at time: Double) -> Frame {
            let sim = Simulator(scenario: scenario)
            let k = Int((time / scenario.simulation.dt).rounded())
            var last: Frame?
            while sim.upcomingIndex <= k, let f = sim.next() { last = f }
            return last!
        }

        func render(_ scenario: Scenario, at time: Double, width: Int = 1280, height: Int = 800) throws
            -> (PixelImage, Viewport, Frame) {
            let dir = temporaryDirectory("offscreen")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/scene.png"
            try OffscreenRenderer.renderPNG(scenario: scenario, time: time, width: width, height: height, path: path)
            return (try PixelImage(path: path), OffscreenRenderer.viewport(for: scenario, width: width, height: height),
                    frame(scenario, at: time))
        }

        @Test(arguments: [(640, 400), (1280, 800), (333, 217)])
        func pngHasTheRequestedSize(width: Int, height: Int) throws {
            let (image, _, _) = try render(makeScenario(), at: 1.0, width: width, height: height)
            #expect(image.width == width && image.height == height)
            #expect(image.pixel(0, 0).a == 255)  // opaque
        }

        @Test func linksHaveTheArmColour() throws {
            let scenario = makeScenario()
            let (image, vp, frame) = try render(scenario, at: 1.3)
            #expect(ArmAppearance(frame) == .tracking)
            let joints = scenario.arm.jointPositions(frame.q)
            for i in 0..<(joints.count - 1) {
                let mid = Point2D(x: (joints[i].x + joints[i + 1].x) / 2, y: (joints[i].y + joints[i + 1].y) / 2)
                let c = image.pixel(at: vp.pixel(mid))
                #expect(c.distance(to: Palette.armTracking) < 12, "link \(i) midpoint is \(c)")
            }
            // And away from the arm, the background, not the arm colour.
            let corner = image.pixel(Int(Double(image.width) * 0.9), Int(Double(image.height) * 0.9))
            #expect(corner.distance(to: Palette.armTracking) > 100)
        }

        @Test func baseTipAndTargetAreWhereTheKinematicsSays() throws {
            // Target beyond the reach: the arm stretches toward it, so tip and target are apart.
            let scenario = makeScenario(name: "far", initial: [0.2, 0.1, 0.1],
                                        path: FixedPath(point: Point2D(x: 2.2, y: 1.6)))
            let (image, vp, frame) = try render(scenario, at: 1.0)
            let tip = scenario.arm.tip(frame.q)
            #expect(abs(tip.x - frame.tip.x) < 1e-12 && abs(tip.y - frame.tip.y) < 1e-12)
            let tipPx = vp.pixel(tip), targetPx = vp.pixel(Point2D(x: 2.2, y: 1.6)), basePx = vp.pixel(scenario.arm.base)
            #expect(abs(targetPx.x - tipPx.x) + abs(targetPx.y - tipPx.y) > 40)
            // The target's centre dot is red (unreachable); the tip's centre is the bright tip dot; the base joint
            // has its dark core.
            #expect(image.pixel(at: targetPx).distance(to: Palette.targetUnreachable) < 12)
            #expect(image.pixel(at: tipPx).distance(to: Palette.tip) < 12)
            #expect(image.pixel(at: basePx).distance(to: Palette.jointCore) < 12)
            // A few pixels off the target dot it is no longer red: the mapping is accurate, not merely close.
            let off = image.pixel(targetPx.column + 5, targetPx.row)
            #expect(off.distance(to: Palette.targetUnreachable) > 60)
        }

        @Test func singularFramesChangeTheArmColour() throws {
            let regular = makeScenario()
            // Stretched along +x with the target straight ahead beyond the reach: a boundary singularity.
            let stretched = makeScenario(name: "stretched", initial: [0, 0, 0],
                                         path: FixedPath(point: Point2D(x: 3.0, y: 0)))
            let (imageA, vpA, frameA) = try render(regular, at: 0.5)
            let (imageB, vpB, frameB) = try render(stretched, at: 0.5)
            #expect(!frameA.singular)
            #expect(frameB.singular && frameB.singularity == .boundary)
            func firstLinkColour(_ image: PixelImage, _ vp: Viewport, _ f: Frame, _ s: Scenario) -> RGBA {
                let j = s.arm.jointPositions(f.q)
                return image.pixel(at: vp.pixel(Point2D(x: (j[0].x + j[1].x) / 2, y: (j[0].y + j[1].y) / 2)))
            }
            let a = firstLinkColour(imageA, vpA, frameA, regular)
            let b = firstLinkColour(imageB, vpB, frameB, stretched)
            #expect(a.distance(to: Palette.armTracking) < 12)
            #expect(b.distance(to: Palette.armBoundary) < 12)
            #expect(a.distance(to: b) > 100)
        }

        @Test func interiorSingularityHasItsOwnColour() throws {
            // Two equal links folded back on themselves, target at the base: an interior singularity.
            let folded = makeScenario(name: "folded", links: [1.0, 1.0], initial: [0.4, .pi],
                                      path: FixedPath(point: Point2D(x: 0, y: 0)))
            let (image, vp, frame) = try render(folded, at: 0)
            try #require(frame.singularity == .interior)
            let j = folded.arm.jointPositions(frame.q)
            let c = image.pixel(at: vp.pixel(Point2D(x: (j[0].x * 3 + j[1].x) / 4, y: (j[0].y * 3 + j[1].y) / 4)))
            #expect(c.distance(to: Palette.armInterior) < 12, "got \(c)")
        }

        @Test func errorsNameThePath() throws {
            let scenario = makeScenario()
            let missing = "/nonexistent-armsim-dir/shot.png"
            let e1 = #expect(throws: RenderError.self) {
                try OffscreenRenderer.renderPNG(scenario: scenario, time: 1, width: 200, height: 100, path: missing)
            }
            #expect(e1?.kind == .io && e1?.message.contains(missing) == true)
            let e2 = #expect(throws: RenderError.self) {
                try OffscreenRenderer.renderPNG(scenario: scenario, time: 99, width: 200, height: 100, path: "/tmp/x.png")
            }
            #expect(e2?.kind == .invalidArgument)
            let e3 = #expect(throws: RenderError.self) {
                try OffscreenRenderer.renderPNG(scenario: scenario, time: 1, width: 0, height: 100, path: "/tmp/x.png")
            }
            #expect(e3?.kind == .invalidArgument)
        }

        @Test func missingFontIsAClearError() throws {
            let dir = temporaryDirectory("nofont")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            setenv("ARMSIM_FONT_DIR", dir, 1)
            defer { unsetenv("ARMSIM_FONT_DIR") }
            let e = #expect(throws: RenderError.self) {
                try OffscreenRenderer.renderPNG(scenario: makeScenario(), time: 0, width: 200, height: 100,
                                                path: dir + "/x.png")
            }
            #expect(e?.kind == .font && e?.message.contains(dir + "/DejaVuSans.ttf") == true)
        }
    }
}
