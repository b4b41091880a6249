import ArmKit
import Foundation
import Testing
@testable import ArmRender

/// The lab-bench HUD and overlays, drawn offscreen and checked by layout and by pixels.
extension RenderingTests {
    @Suite struct LabBench {
        /// Draws `frame` with `status` into a fresh offscreen target; returns the picture and the scene's layout.
        func draw(_ scenario: Scenario, _ frame: Frame, status: SceneStatus = SceneStatus(), width: Int = 1280,
                  height: Int = 800) throws -> (PixelImage, SceneRenderer) {
            let dir = temporaryDirectory("labbench")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let path = dir + "/scene.png"
            let scene: SceneRenderer = try SDLSession.locked { () throws(RenderError) in
                let target = try OffscreenTarget(scenario: scenario, width: width, height: height)
                defer { target.close() }
                try target.draw(frame: frame, trail: TipTrail.standard(for: scenario), status: status)
                try target.save(to: path)
                return target.scene
            }
            return (try PixelImage(path: path), scene)
        }

        func firstFrame(_ s: Scenario) -> Frame { Simulator(scenario: s).next()! }

        func limitedScenario(limits: [JointLimit]?, name: String = "limits") throws -> Scenario {
            let arm = try PlanarArm(links: [1.0, 0.8, 0.6], limits: limits)
            return Scenario(name: name, arm: arm, initial: [0.2, 0.5, 0.5], task: .position,
                            path: FixedPath(point: Point2D(x: 0.3, y: 1.6)), solver: SolverConfig(),
                            simulation: SimulationConfig(dt: 0.01, duration: 1))
        }

        func overlaps(_ a: HUDRect, _ b: HUDRect) -> Bool {
            a.x < b.maxX && b.x < a.maxX && a.y < b.maxY && b.y < a.maxY
        }

        /// At 640×400 every badge at once (singular, unreachable, limit, saddle, dragging, stepped back, paused):
        /// no badge overlaps the panel or another badge, everything stays inside the picture, the panel keeps
        /// clear of the base and of the scale bar, and the pixels say the same.
        @Test func nothingOverlapsAt640x400() throws {
            let s = try limitedScenario(limits: [JointLimit(lower: -3, upper: 3), JointLimit(lower: -0.1, upper: 0.1),
                                                 JointLimit(lower: -0.1, upper: 0.1)], name: "crowded")
            var f = firstFrame(s)
            f.singular = true; f.singularity = .boundary; f.status = .unreachable
            var status = SceneStatus()
            status.interactive = true; status.paused = true; status.dragging = true; status.saddleFlash = true
            status.historyOffset = 3
            let (image, scene) = try draw(s, f, status: status, width: 640, height: 400)
            let hud = try #require(scene.hudRect)
            #expect(scene.badgeRects.count >= 6)
            for (i, b) in scene.badgeRects.enumerated() {
                #expect(!overlaps(b, hud), "badge \(i) \(b) overlaps the panel \(hud)")
                #expect(b.x >= 0 && b.maxX <= 640 && b.y >= 0 && b.maxY <= 400)
                for c in scene.badgeRects[(i + 1)...] { #expect(!overlaps(b, c)) }
            }
            let base = scene.viewport.pixel(s.arm.base)
            #expect(hud.maxX < base.x - scene.linkRadius * 2, "the panel reaches the base")
            #expect(hud.maxY < 400 - 40 * scene.uiScale, "the panel reaches the scale bar")
            // Pixels: inside the panel its dark fill; just right of it, not the panel.
            let inside = image.pixel(Int(hud.maxX - 3), Int(hud.maxY - 4))
            #expect(inside.distance(to: Palette.panel.withAlpha(255)) < 40, "\(inside)")
            for b in scene.badgeRects {   // each badge's rim is drawn where its rectangle says
                let rim = image.pixel(Int(b.x + b.width / 2), Int(b.y + 0.7))
                #expect(rim.distance(to: Palette.background) > 40, "badge rim at \(b)")
            }
        }

        /// 40 joints at 640×400: the rows that do not fit are summarised, and the panel stops above the scale bar.
        @Test func manyJointsAreSummarised() throws {
            let s = makeScenario(name: "forty", links: Array(repeating: 0.05, count: 40))
            let f = firstFrame(s)
            let insight = FrameInsight(scenario: s, frame: f)
            let rows = HUDContent.rows(scenario: s, frame: f, insight: insight, appearance: ArmAppearance(f), status: SceneStatus())
            #expect(rows.count > 40)
            // Laid out on a live target (the fonts close with it).
            let (laidOut, uiScale): (HUDLayout?, Double) = try SDLSession.locked { () throws(RenderError) in
                let target = try OffscreenTarget(scenario: s, width: 640, height: 400)
                defer { target.close() }
                try target.draw(frame: f, trail: TipTrail.standard(for: s))
                return (target.scene.layoutHUD(frame: f, insight: insight, appearance: ArmAppearance(f), status: SceneStatus()),
                        target.scene.uiScale)
            }
            let layout = try #require(laidOut)
            #expect(layout.rect.maxY < 400 - 40 * uiScale)
            let shown = layout.rows.filter { if case .joint = $0.0 { true } else { false } }.count
            let note = layout.rows.compactMap { if case .note(let t, _) = $0.0 { t } else { nil } }.first ?? ""
            #expect(shown < 40 && note == "+\(40 - shown) joints (enlarge the window)", "\(shown) shown, note '\(note)'")
        }

        @Test func aLongNameIsCutNotWidened() throws {
            let long = String(repeating: "a-very-long-scenario-name ", count: 8).prefix(200)
            let s = makeScenario(name: String(long))
            let (_, scene) = try draw(s, firstFrame(s), width: 1280, height: 800)
            let hud = try #require(scene.hudRect)
            #expect(hud.width <= 640)
            let (_, short) = try draw(makeScenario(name: "circle"), firstFrame(s), width: 1280, height: 800)
            #expect(abs(hud.width - short.hudRect!.width) < 1, "the name must not set the panel's width")
        }

        @Test func hiddenHUDDrawsNoPanel() throws {
            let s = makeScenario()
            var status = SceneStatus()
            status.hudHidden = true
            let (hidden, scene) = try draw(s, firstFrame(s), status: status)
            #expect(scene.hudRect == nil)
            let (shown, visible) = try draw(s, firstFrame(s))
            let r = try #require(visible.hudRect)
            // Inside where the panel would be: its fill when shown, the grid's background when hidden.
            let x = Int(r.maxX - 6), y = Int(r.maxY - 6)
            #expect(shown.pixel(x, y).distance(to: Palette.panel.withAlpha(255)) < 40)
            #expect(hidden.pixel(x, y).distance(to: shown.pixel(x, y)) > 4, "\(hidden.pixel(x, y)) vs \(shown.pixel(x, y))")
        }

        @Test func tinyArmsGetSensibleUnits() throws {
            #expect(HUDFormat.length(1e-300) == "1.00e-300 m")
            #expect(HUDFormat.length(2.4e-6) == "2.4 µm")
            #expect(HUDFormat.length(3e-8) == "30 nm")
            #expect(HUDFormat.length(1000) == "1000 m")
            #expect(HUDFormat.length(2.4) == "2.4 m")
            #expect(!HUDFormat.length(1e-300).contains("0 mm"))
            // The shortest links a scenario accepts (PlanarArm's lower bound).
            let arm = try PlanarArm(links: [1e-6, 1e-6])
            let s = Scenario(name: "tiny", arm: arm, initial: [0.3, 0.4], task: .position,
                             path: FixedPath(point: Point2D(x: 1e-6, y: 1e-6)), solver: SolverConfig(),
                             simulation: SimulationConfig(dt: 0.01, duration: 0.1))
            let (image, _) = try draw(s, firstFrame(s), width: 640, height: 400)
            #expect(image.width == 640)
        }

        /// Joints 1 and 2 at their limits get a ring; the same configuration with wide limits gets none.
        @Test func jointAtLimitIsHighlighted() throws {
            let tight = try limitedScenario(limits: [JointLimit(lower: -3, upper: 3), JointLimit(lower: -0.2, upper: 0.5),
                                                     JointLimit(lower: -0.2, upper: 0.5)])
            let f = firstFrame(tight)
            try #require(FrameInsight(scenario: tight, frame: f).jointsAtLimit == [1, 2])
            let wide = try limitedScenario(limits: [JointLimit(lower: -3, upper: 3), JointLimit(lower: -3, upper: 3),
                                                    JointLimit(lower: -3, upper: 3)])
            func ringPixels(_ s: Scenario) throws -> [Int] {
                let (image, scene) = try draw(s, f)
                let r = max(scene.linkRadius * 1.7, 7 * scene.uiScale)
                return s.arm.jointPositions(f.q).map { p in
                    let c = scene.viewport.pixel(p)
                    return (0..<24).filter { k in
                        let a = Double(k) / 24 * 2 * .pi
                        let px = image.pixel(Int(c.x + r * cos(a)), Int(c.y + r * sin(a)))
                        return px.distance(to: Palette.limitRing) < 35
                    }.count
                }
            }
            let lit = try ringPixels(tight), plain = try ringPixels(wide)
            #expect(lit[1] >= 8 && lit[2] >= 8, "rings at joints 1 and 2: \(lit)")
            #expect(lit[0] <= 1, "no ring at joint 0: \(lit)")
            #expect(plain.allSatisfy { $0 <= 1 }, "no ring with wide limits: \(plain) (q = \(f.q))")
        }

        /// The ellipse's axes lie along the eigenvectors of J Jᵀ with semi-axes k·σᵢ (k = ellipseJointStep).
        @Test func ellipseAxesFollowJJt() throws {
            let arm = try PlanarArm(links: [1.0, 0.8, 0.6])
            let q = [0.3, 1.2, 0.9]
            let tip = arm.tip(q)
            let s = Scenario(name: "ellipse", arm: arm, initial: q, task: .position,
                             path: FixedPath(point: tip.point), solver: SolverConfig(),
                             simulation: SimulationConfig(dt: 0.01, duration: 1))
            let f = firstFrame(s)
            try #require(zip(f.q, q).allSatisfy { abs($0 - $1) < 1e-9 })
            // J Jᵀ's eigenpairs, here in closed form (independent of the renderer's code).
            let j = arm.jacobian(q).elements
            let a = j[0] * j[0] + j[1] * j[1] + j[2] * j[2], c = j[3] * j[3] + j[4] * j[4] + j[5] * j[5]
            let b = j[0] * j[3] + j[1] * j[4] + j[2] * j[5]
            let l1 = (a + c) / 2 + (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot(), l2 = a + c - l1
            let n1 = (b * b + (l1 - a) * (l1 - a)).squareRoot()
            let u = (b / n1, (l1 - a) / n1), v = (-u.1, u.0)
            #expect(l1 > 2 * l2, "a clearly elongated ellipse: \(l1) vs \(l2)")
            var status = SceneStatus()
            status.showEllipse = true
            status.hudHidden = true
            let (image, scene) = try draw(s, f, status: status)
            let k = SceneRenderer.ellipseJointStep
            func colour(along d: (Double, Double), _ length: Double) -> Double {
                let c = scene.viewport.pixel(Point2D(x: tip.x + d.0 * length, y: tip.y + d.1 * length))
                // The best match within a pixel of the point (the outline is anti-aliased, 2 px wide).
                return (-1...1).flatMap { dx in (-1...1).map { dy in
                    image.pixel(c.column + dx, c.row + dy).distance(to: Palette.ellipse) } }.min()!
            }
            let major = k * l1.squareRoot(), minor = k * l2.squareRoot()
            for sign in [1.0, -1.0] {
                #expect(colour(along: (sign * u.0, sign * u.1), major) < 50, "major axis end")
                #expect(colour(along: (sign * v.0, sign * v.1), minor) < 50, "minor axis end")
                #expect(colour(along: (sign * v.0, sign * v.1), major) > 90, "no outline a major length along the minor axis")
            }
        }

        /// The pose target's orientation arrow points along φ.
        @Test func orientationArrowPointsAlongPhi() throws {
            let arm = try PlanarArm(links: [1.0, 0.8, 0.5])
            let phi = 2.0
            let s = Scenario(name: "pose", arm: arm, initial: [0.2, 0.6, 0.4], task: .pose,
                             path: FixedPath(point: Point2D(x: 1.1, y: 0.6)), solver: SolverConfig(),
                             simulation: SimulationConfig(dt: 0.01, duration: 1))
            var f = firstFrame(s)
            f.target.phi = phi
            let (image, scene) = try draw(s, f)
            let t = scene.viewport.pixel(f.target)
            let along = 26 * scene.uiScale
            let on = image.pixel(Int(t.x + along * cos(phi)), Int(t.y - along * sin(phi)))
            let off = image.pixel(Int(t.x + along * cos(phi + 1.2)), Int(t.y - along * sin(phi + 1.2)))
            #expect(on.distance(to: Palette.orientation) < 50, "\(on)")
            #expect(off.distance(to: Palette.orientation) > 100, "\(off)")
        }

        /// `render --panels`: the PNG gets the charts (bottom right) only when asked.
        @Test func renderPNGDrawsThePanelsAsked() throws {
            let dir = temporaryDirectory("panels")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let s = makeScenario()
            try OffscreenRenderer.renderPNG(scenario: s, time: 2, width: 1280, height: 800, path: dir + "/a.png")
            try OffscreenRenderer.renderPNG(scenario: s, time: 2, width: 1280, height: 800, path: dir + "/b.png",
                                            panels: [.charts, .ellipse])
            let plain = try PixelImage(path: dir + "/a.png"), panels = try PixelImage(path: dir + "/b.png")
            // A row through the charts' column: the chart backgrounds change many pixels there.
            let changed = (500..<790).filter { y in plain.pixel(1100, y).distance(to: panels.pixel(1100, y)) > 6 }.count
            #expect(changed > 100, "\(changed) pixels changed in the charts' column")
            #expect(throws: RenderError.self) { try WindowPanel.parseList("elipse", option: "--panels") }
            #expect(try WindowPanel.parseList("charts,ellipse", option: "--panels") == [.charts, .ellipse])
        }

        /// HUD rows for the pose task: both errors, with units; joints in degrees and radians.
        @Test func poseRowsShowBothErrors() throws {
            let arm = try PlanarArm(links: [1.0, 0.8, 0.5], limits: Array(repeating: JointLimit(lower: -2, upper: 2), count: 3))
            let s = Scenario(name: "pose", arm: arm, initial: [0.2, 0.6, 0.4], task: .pose,
                             path: FixedPath(point: Point2D(x: 3, y: 0)), solver: SolverConfig(),
                             simulation: SimulationConfig(dt: 0.01, duration: 1))
            let f = firstFrame(s)
            let rows = HUDContent.rows(scenario: s, frame: f, insight: FrameInsight(scenario: s, frame: f),
                                       appearance: ArmAppearance(f), status: SceneStatus())
            var labels: [String: String] = [:]
            var joints = 0
            for row in rows {
                if case .value(let l, let v, _) = row { labels[l] = v }
                if case .joint(_, _, let fraction, _) = row { joints += 1; #expect(fraction != nil) }
            }
            #expect(labels["position error"]?.hasSuffix(" m") == true)
            #expect(labels["orientation error"]?.contains("rad") == true && labels["orientation error"]?.contains("°") == true)
            #expect(labels["condition"] != nil && labels["curvature of L"] != nil)
            #expect(joints == 3)
        }
    }
}
