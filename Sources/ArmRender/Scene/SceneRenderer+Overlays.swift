import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Overlays on the arm: rings round joints at a limit, the joint being turned, the pose target's orientation
/// and the manipulability (velocity) ellipse, as RTB's `vellipse`.
extension SceneRenderer {
    /// The ellipse drawn is {J Δq : ‖Δq‖ = ellipseJointStep}: where the tip goes for a joint step of this size.
    static let ellipseJointStep = 0.25

    func drawJointHighlights(frame: Frame, atLimit: [Int], grabbed: Int?) {
        guard !atLimit.isEmpty || grabbed != nil else { return }
        let positions = scenario.arm.jointPositions(frame.q)
        let r = max(linkRadius * 1.7, 7 * uiScale)
        for i in atLimit {
            let p = viewport.pixel(positions[i])
            canvas.strokeCircle(p, radius: r, width: 3.5 * uiScale, Palette.armOutline)
            canvas.strokeCircle(p, radius: r, width: 2.2 * uiScale, Palette.limitRing)
        }
        if let g = grabbed, g < positions.count - 1 {
            canvas.fillCapsule(viewport.pixel(positions[g]), viewport.pixel(positions[g + 1]),
                               radius: linkRadius * 0.35, Palette.grabbed.withAlpha(200))
            canvas.strokeCircle(viewport.pixel(positions[g]), radius: r, width: 2.2 * uiScale, Palette.grabbed)
        }
    }

    /// The pose target's φ as an arrow from the target, and the tip's φ as a short tick, to compare at a glance.
    func drawOrientationArrow(_ frame: Frame) {
        let s = uiScale
        func arrow(from p: PixelPoint, angle: Double, length: Double, width: Double, _ color: RGBA) {
            let dx = cos(angle), dy = -sin(angle)   // screen y points down
            let end = PixelPoint(x: p.x + dx * length, y: p.y + dy * length)
            canvas.line(p, end, width: width, color)
            let head = 7 * s
            let left = PixelPoint(x: end.x - head * (dx * 0.87 - dy * 0.5), y: end.y - head * (dy * 0.87 + dx * 0.5))
            let right = PixelPoint(x: end.x - head * (dx * 0.87 + dy * 0.5), y: end.y - head * (dy * 0.87 - dx * 0.5))
            canvas.fillConvex([end, left, right], color)
        }
        arrow(from: viewport.pixel(frame.target), angle: frame.target.phi, length: 34 * s, width: 2.2 * s, Palette.orientation)
        arrow(from: viewport.pixel(frame.tip), angle: frame.tip.phi, length: 22 * s, width: 1.6 * s, Palette.tip.withAlpha(200))
    }

    func drawEllipse(frame: Frame, insight: FrameInsight) {
        let ellipse = VelocityEllipse(center: frame.tip.point, gram: (xx: insight.gram.a, xy: insight.gram.b, yy: insight.gram.c))
        func world(_ t: Double) -> PixelPoint { viewport.pixel(ellipse.point(at: t, scale: Self.ellipseJointStep)) }
        let points = (0...72).map { world(Double($0) / 72 * 2 * .pi) }
        canvas.fillConvex(points, Palette.ellipse.withAlpha(28))
        canvas.strokePolyline(points, width: 2 * uiScale, colors: Array(repeating: Palette.ellipse, count: points.count))
        canvas.line(world(0), world(.pi), width: 1.2 * uiScale, Palette.ellipse.withAlpha(150))
        canvas.line(world(.pi / 2), world(3 * .pi / 2), width: 1.2 * uiScale, Palette.ellipse.withAlpha(150))
        canvas.flush()
        let label = "velocity ellipse, ‖Δq‖ = \(Self.ellipseJointStep) rad"
        let p = world(.pi / 4)
        text.draw(label, x: p.x + 6 * uiScale, y: p.y, .small, Palette.ellipse)
    }
}
