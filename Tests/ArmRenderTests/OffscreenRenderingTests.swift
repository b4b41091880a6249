import ArmKit
import Foundation
import Testing
@testable import ArmRender

extension RenderingTests {
    @Suite struct Offscreen {
        /// Runs the simulator to the frame renderImage draws for `time`.
        func frame(_ scenario: Scenario, at time: Double) -> Frame {
            let sim = Simulator(scenario: scenario)
            let k = Int((time / scenario.simulation.dt).rounded())
            var last: Frame?
            while sim.upcomingIndex <= k, let f = sim.next() { last = f }
            return last!
        }

        func render(_ scenario: Scenario, at time: Double, width: Int = 1280, height: Int = 800) throws
            -> (PixelImage, Viewport, Frame) {
            let sink = CollectingImageSink()
            let size = try ImageSize(width: width, height: height)
            try OffscreenRenderer.render(scenario: scenario, time: time, size: size, to: "scene.png", sink: sink)
            return (try sink.pixels("scene.png"), OffscreenRenderer.viewport(for: scenario, width: width, height: height),
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
            let size = try ImageSize(width: 200, height: 100)
            let e1 = #expect(throws: RenderError.self) {
                try OffscreenRenderer.render(scenario: scenario, time: 1, size: size, to: "/x/shot.png", sink: FailingImageSink())
            }
            #expect(e1?.kind == .io && e1?.message == "error writing '/x/shot.png': No space left on device")
            let e2 = #expect(throws: RenderError.self) {
                _ = try OffscreenRenderer.renderImage(scenario: scenario, time: 99, size: size, format: .png)
            }
            #expect(e2?.kind == .invalidArgument)
            let e3 = #expect(throws: RenderError.self) { _ = try ImageSize(width: 0, height: 100) }
            #expect(e3?.kind == .invalidArgument)
            #expect(throws: RenderError.self) { _ = try ImageSize(width: 63, height: 100) }
            #expect(throws: RenderError.self) { _ = try ImageSize(width: 64, height: 8193) }
            #expect((try? ImageSize(width: 64, height: 8192)) != nil)
        }

        @Test func jpegAndPNGBytes() throws {
            let size = try ImageSize(width: 128, height: 96)
            let png = try OffscreenRenderer.renderImage(scenario: makeScenario(), time: 1, size: size, format: .png)
            let jpeg = try OffscreenRenderer.renderImage(scenario: makeScenario(), time: 1, size: size, format: .jpeg)
            #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
            #expect(Array(jpeg.prefix(3)) == [0xFF, 0xD8, 0xFF] && Array(jpeg.suffix(2)) == [0xFF, 0xD9])
            #expect(ImageFormat(path: "a/b.JPEG") == .jpeg && ImageFormat(path: "x.png") == .png)
            #expect(ImageFormat(path: "x.bmp") == nil && ImageFormat(path: "dir.png/x") == nil && ImageFormat(path: ".png") == nil)
        }

        @Test func missingFontIsAClearError() throws {
            let dir = temporaryDirectory("nofont")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            setenv("ARMSIM_FONT_DIR", dir, 1)
            defer { unsetenv("ARMSIM_FONT_DIR") }
            let e = #expect(throws: RenderError.self) {
                _ = try OffscreenRenderer.renderImage(scenario: makeScenario(), time: 0,
                                                      size: try ImageSize(width: 200, height: 100), format: .png)
            }
            #expect(e?.kind == .font && e?.message.contains(dir + "/DejaVuSans.ttf") == true)
        }
    }
}
