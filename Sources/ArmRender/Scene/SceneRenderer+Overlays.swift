import ArmKit
import FoundationEssentials
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

    /// Semi-axes (metres) and the major axis's angle of the ellipse for a position Gram block [a b; b c].
    static func ellipseAxes(a: Double, b: Double, c: Double) -> (major: Double, minor: Double, angle: Double) {
        let mean = (a + c) / 2, radius = (((a - c) / 2) * ((a - c) / 2) + b * b).squareRoot()
        let k = ellipseJointStep
        return (k * max(mean + radius, 0).squareRoot(), k * max(mean - radius, 0).squareRoot(), 0.5 * atan2(2 * b, a - c))
    }

    func drawEllipse(frame: Frame, insight: FrameInsight) {
        let axes = Self.ellipseAxes(a: insight.gram.a, b: insight.gram.b, c: insight.gram.c)
        let tip = frame.tip.point
        let u = (cos(axes.angle), sin(axes.angle)), v = (-sin(axes.angle), cos(axes.angle))
        func world(_ t: Double) -> PixelPoint {
            viewport.pixel(Point2D(x: tip.x + axes.major * cos(t) * u.0 + axes.minor * sin(t) * v.0,
                                   y: tip.y + axes.major * cos(t) * u.1 + axes.minor * sin(t) * v.1))
        }
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
