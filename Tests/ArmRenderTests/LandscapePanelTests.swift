import ArmKit
import Foundation
import Testing
@testable import ArmRender

/// The window's loss-landscape panel (key G, `--panels landscape`): its model (pair kept, grid reused below the
/// thresholds) and its pictures, drawn offscreen and checked by layout and by pixels.
extension RenderingTests {
    @Suite struct LandscapePanel {
        /// Draws each frame in turn on one offscreen target (so the panel's cache carries over), saving the last.
        func draw(_ scenario: Scenario, _ frames: [Frame], status: SceneStatus, width: Int = 1280,
                  height: Int = 800) throws -> (PixelImage, SceneRenderer) {
            let dir = temporaryDirectory("landscape-panel")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/scene.png"
            var signals = SignalHistory(dt: scenario.simulation.dt)
            let scene: SceneRenderer = try SDLSession.locked { () throws(RenderError) in
                let target = try OffscreenTarget(scenario: scenario, width: width, height: height)
                defer { target.close() }
                for frame in frames {
                    signals.append(frame)
                    target.scene.signals = signals
                    try target.draw(frame: frame, trail: TipTrail.standard(for: scenario), status: status)
                }
                try target.save(to: path)
                return target.scene
            }
            return (try PixelImage(path: path), scene)
        }

        func stillScenario() -> Scenario {
            makeScenario(links: [1.0, 0.8, 0.5], initial: [0.3, 0.9, 0.4], path: FixedPath(point: Point2D(x: 1.1, y: 0.9)),
                         duration: 1)
        }

        func overlaps(_ a: HUDRect, _ b: HUDRect) -> Bool {
            a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
        }

        func isWhite(_ c: RGBA) -> Bool { c.r > 215 && c.g > 215 && c.b > 215 }

        /// The current-q marker sits at the pixel of (q_i, q_j): after q_i, q_j move by less than the re-centring
        /// threshold (the grid is kept), the marker's white centre is at the moved point, not at the centre and
        /// not at the point mirrored in y (which a flipped axis would give).
        @Test func currentMarkerIsAtThePixelOfQ() throws {
            let s = stillScenario()
            let f0 = Simulator(scenario: s).next()!
            var status = SceneStatus()
            status.showLandscape = true
            let pair = JointPairChoice.strongest(arm: s.arm, task: s.task, q: f0.q, target: f0.target)
            var f1 = f0
            f1.index = 1; f1.t = s.simulation.dt
            f1.q[pair.0] += 0.7; f1.q[pair.1] -= 0.6
            let (image, scene) = try draw(s, [f0, f1], status: status)
            #expect(scene.landscapePanel.generation == 1, "the grid was recomputed for a move below the threshold")
            let layout = try #require(scene.landscapeRect)
            let p = layout.pixel(x: f1.q[pair.0], y: f1.q[pair.1])
            #expect(p.x > layout.map.x + 10 && p.x < layout.map.maxX - 10)
            #expect(isWhite(image.pixel(at: p)), "no marker at \(p): \(image.pixel(at: p))")
            let centre = layout.pixel(x: f0.q[pair.0], y: f0.q[pair.1])
            let mirrored = layout.pixel(x: f1.q[pair.0], y: 2 * f0.q[pair.1] - f1.q[pair.1])
            #expect(hypot(centre.x - p.x, centre.y - p.y) > 20 && abs(mirrored.y - p.y) > 20)
            #expect(!isWhite(image.pixel(at: centre)) || scene.landscapePanel.criticalPoints.contains {
                abs(layout.pixel(x: $0.x, y: $0.y).x - centre.x) < 8 && abs(layout.pixel(x: $0.x, y: $0.y).y - centre.y) < 8
            })
            #expect(!isWhite(image.pixel(at: mirrored)), "a marker at the mirrored point \(mirrored)")
        }

        /// The map's texels are the grid's values coloured: at grid points away from the markers the pixel has the
        /// colour of the point's value, and the colour bar runs from yellow (top) to dark purple (bottom).
        @Test func mapAndBarShowTheGridsValues() throws {
            let s = stillScenario()
            let f0 = Simulator(scenario: s).next()!
            var status = SceneStatus()
            status.showLandscape = true
            let (image, scene) = try draw(s, [f0], status: status)
            let layout = try #require(scene.landscapeRect)
            let model = scene.landscapePanel
            let grid = try #require(model.grid)
            let markers = model.criticalPoints.map { layout.pixel(x: $0.x, y: $0.y) } + [layout.pixel(
                x: grid.slice.center[grid.xJoint], y: grid.slice.center[grid.yJoint])]
            var checked = 0
            for row in stride(from: 3, to: grid.resolution - 3, by: 7) {
                for column in stride(from: 3, to: grid.resolution - 3, by: 7) {
                    let (qx, qy) = grid.angles(column: column, row: row)
                    let p = layout.pixel(x: qx, y: qy)
                    guard markers.allSatisfy({ hypot($0.x - p.x, $0.y - p.y) > 14 }) else { continue }
                    let expected = LandscapePanelPalette.color(grid.values[row * grid.resolution + column], lower: grid.minimum, upper: grid.maximum)
                    #expect(image.pixel(at: p).distance(to: expected) < 30, "grid (\(column), \(row)) at \(p)")
                    checked += 1
                }
            }
            #expect(checked > 40)
            // The same colours as the `landscape` picture's map.
            for t in stride(from: 0.0, through: 1, by: 0.05) { #expect(LandscapePanelPalette.color(t) == ColorMap.color(t)) }
            let top = image.pixel(at: PixelPoint(x: layout.bar.x + layout.bar.width / 2, y: layout.bar.y + 1.5))
            let bottom = image.pixel(at: PixelPoint(x: layout.bar.x + layout.bar.width / 2, y: layout.bar.maxY - 1.5))
            #expect(top.distance(to: LandscapePanelPalette.color(1)) < 30 && bottom.distance(to: LandscapePanelPalette.color(0)) < 30)
        }

        /// With the readout, every badge, the ellipse, the charts and the landscape at once, the landscape overlaps
        /// neither the readout, nor a badge, nor the charts (found by pixels: where the picture with charts differs
        /// from the one without), and stays inside the picture — at 1280×800 and at 640×400.
        @Test(arguments: [(1280, 800), (640, 400)])
        func noOverlap(size: (Int, Int)) throws {
            let s = stillScenario()
            var f = Simulator(scenario: s).next()!
            f.singular = true; f.singularity = .boundary; f.status = .unreachable
            var status = SceneStatus()
            status.interactive = true; status.paused = true; status.dragging = true; status.saddleFlash = true
            status.historyOffset = 3
            status.showEllipse = true; status.showLandscape = true
            let (_, plain) = try draw(s, [f], status: status, width: size.0, height: size.1)
            let without = try #require(plain.landscapeRect)
            status.showCharts = true
            let (with, scene) = try draw(s, [f], status: status, width: size.0, height: size.1)
            let (bare, _) = try draw(s, [f], status: { var b = status; b.showCharts = false; b.showLandscape = false
                return b }(), width: size.0, height: size.1)
            let panel = try #require(scene.landscapeRect).frame
            let hud = try #require(scene.hudRect)
            #expect(!overlaps(panel, hud), "landscape \(panel) overlaps the readout \(hud)")
            for b in scene.badgeRects { #expect(!overlaps(panel, b), "landscape \(panel) overlaps badge \(b)") }
            #expect(panel.x >= 0 && panel.maxX <= Double(size.0) && panel.y >= 0 && panel.maxY <= Double(size.1))
            #expect(without.map.width >= panel.height * 0.5, "the map is uselessly small without the charts")
            // The charts' top: the first row below the panel where the charts picture differs from the bare one.
            let column = Int(panel.x + panel.width / 2)
            var chartsTop: Int?
            for row in Int(panel.maxY + 1)..<size.1 where with.pixel(column, row) != bare.pixel(column, row) {
                chartsTop = row
                break
            }
            let top = try #require(chartsTop, "no charts found below the landscape panel")
            #expect(Double(top) > panel.maxY, "charts from row \(top), landscape down to \(panel.maxY)")
        }

        /// The pair stays while the panel is open, even when another pair becomes the strongest; closing the panel
        /// (or P) forgets it. The grid is reused for a target move below the threshold and recomputed above it.
        @Test func pairIsKeptAndGridReusedBelowThresholds() throws {
            let s = stillScenario()
            let f0 = Simulator(scenario: s).next()!
            var model = LandscapePanelModel()
            let first = model.update(scenario: s, frame: f0)
            #expect(first)
            let pair = try #require(model.pair)
            var f1 = f0
            f1.target.x += 0.001 * s.arm.reach
            let small = model.update(scenario: s, frame: f1)
            #expect(!small, "recomputed for a 0.1% target move")
            f1.target.x += 0.02 * s.arm.reach
            let large = model.update(scenario: s, frame: f1)
            #expect(large)
            var f2 = f1
            f2.q = [2.5, -2.0, 0.1]   // a far-away configuration, where another pair may be strongest
            model.update(scenario: s, frame: f2)
            #expect(model.pair?.x == pair.x && model.pair?.y == pair.y)
            #expect(model.generation == 3)
            model.rechoose()
            #expect(model.pair == nil && model.grid == nil)
            model.update(scenario: s, frame: f2)
            let chosen = JointPairChoice.strongest(arm: s.arm, task: s.task, q: f2.q, target: f2.target)
            #expect(model.pair?.x == chosen.0 && model.pair?.y == chosen.1)
        }

        @Test func panelListAcceptsLandscape() throws {
            #expect(try WindowPanel.parseList("charts,landscape", option: "--panels") == [.charts, .landscape])
            #expect(throws: RenderError.self) { try WindowPanel.parseList("landscap", option: "--panels") }
        }
    }
}
