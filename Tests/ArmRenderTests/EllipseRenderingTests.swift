import ArmKit
import Foundation
import Testing
@testable import ArmRender

/// `render --ellipse` (`--panels ellipse`): at full extension the velocity ellipse is a segment across the arm's line at the tip
/// (the tip can only move sideways), so a point on that segment has the ellipse's colour only with --ellipse.
@Suite struct EllipseRenderingTests {
    @Test func stretchedArmEllipseIsASegmentAcrossTheTip() throws {
        let scenario = makeScenario(links: [1.0, 0.8, 0.5], initial: [0, 0, 0], path: FixedPath(point: Point2D(x: 3, y: 0)), duration: 0.5)
        let dir = temporaryDirectory("ellipse")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try OffscreenRenderer.renderPNG(scenario: scenario, time: 0.5, width: 1280, height: 800, path: dir + "/with.png", panels: [.ellipse])
        try OffscreenRenderer.renderPNG(scenario: scenario, time: 0.5, width: 1280, height: 800, path: dir + "/without.png")
        let with = try PixelImage(path: dir + "/with.png"), without = try PixelImage(path: dir + "/without.png")
        let vp = OffscreenRenderer.viewport(for: scenario, width: 1280, height: 800)
        let sim = Simulator(scenario: scenario)
        var last: Frame?
        while let f = sim.next() { last = f }
        let frame = try #require(last)
        let e = VelocityEllipse(arm: scenario.arm, q: frame.q)
        #expect(e.minor < 1e-3 * e.major)
        // Halfway along the major semi-axis, off the arm's line.
        let p = e.point(at: 0, scale: SceneRenderer.ellipseJointStep * 0.5)
        let probe = vp.pixel(Point2D(x: p.x, y: p.y))
        // The stroke is about 2 px wide: the nearest of the five pixels across it.
        func nearest(_ image: PixelImage) -> Double {
            (-2...2).map { image.pixel(probe.column + $0, probe.row).distance(to: Palette.ellipse) }.min()!
        }
        #expect(nearest(with) < 40, "at \(probe)")
        #expect(nearest(without) > 100)
    }
}
