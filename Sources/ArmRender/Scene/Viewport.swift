import ArmKit
import Glibc

/// The world→pixel mapping: fits a world rectangle (the reachable workspace, with margin) into a drawable of
/// `pixelWidth` × `pixelHeight` pixels, centred, y up, with one scale for both axes (aspect preserved).
///
/// Pure arithmetic, no SDL: the window rebuilds it whenever the drawable size changes (resize, high-DPI), and
/// tests use it to find where things must have been drawn.
public struct Viewport: Sendable, Equatable {
    public let pixelWidth: Int
    public let pixelHeight: Int
    /// Pixels per metre, the same along x and y.
    public let scale: Double
    /// The world point drawn at the centre of the drawable.
    public let center: Point2D

    /// Fits `world` into the drawable, leaving at least `margin` pixels on every side.
    public init(fitting world: WorldRect, pixelWidth: Int, pixelHeight: Int, margin: Double = 0) {
        self.pixelWidth = max(1, pixelWidth)
        self.pixelHeight = max(1, pixelHeight)
        let availableW = max(1, Double(self.pixelWidth) - 2 * margin)
        let availableH = max(1, Double(self.pixelHeight) - 2 * margin)
        let w = world.width > 0 ? world.width : 1
        let h = world.height > 0 ? world.height : 1
        scale = min(availableW / w, availableH / h)
        center = world.center
    }

    /// The arm's reachable disc (base ± reach) grown by `paddingFraction` of the reach, plus the extent of any
    /// extra points (the target path, so a target beyond reach stays visible), in a drawable with a margin of
    /// 4% of its smaller side.
    public init(arm: PlanarArm, extraPoints: [Point2D] = [], pixelWidth: Int, pixelHeight: Int,
                paddingFraction: Double = 0.08) {
        let reach = arm.reach
        var rect = WorldRect(center: arm.base, radius: reach * (1 + paddingFraction))
        // Points far outside the workspace would shrink the arm to a speck: keep them within 3 reaches.
        let limit = WorldRect(center: arm.base, radius: 3 * reach)
        for p in extraPoints where p.x.isFinite && p.y.isFinite {
            let clamped = Point2D(x: min(max(p.x, limit.minX), limit.maxX), y: min(max(p.y, limit.minY), limit.maxY))
            rect = rect.including(clamped)
        }
        // Keep the base at the centre so the workspace circle is never off-centre.
        let half = max(abs(rect.minX - arm.base.x), abs(rect.maxX - arm.base.x),
                       abs(rect.minY - arm.base.y), abs(rect.maxY - arm.base.y))
        let margin = 0.04 * Double(min(pixelWidth, pixelHeight))
        self.init(fitting: WorldRect(center: arm.base, radius: half), pixelWidth: pixelWidth,
                  pixelHeight: pixelHeight, margin: margin)
    }

    /// A given scale and centre (zoomed and panned views).
    public init(pixelWidth: Int, pixelHeight: Int, scale: Double, center: Point2D) {
        self.pixelWidth = max(1, pixelWidth)
        self.pixelHeight = max(1, pixelHeight)
        self.scale = scale
        self.center = center
    }

    /// This view zoomed by `zoom` about its centre and moved by `pan` metres.
    public func transformed(zoom: Double, pan: Point2D) -> Viewport {
        Viewport(pixelWidth: pixelWidth, pixelHeight: pixelHeight, scale: scale * zoom,
                 center: Point2D(x: center.x + pan.x, y: center.y + pan.y))
    }

    /// Where a world point lands on the drawable.
    public func pixel(_ p: Point2D) -> PixelPoint {
        PixelPoint(x: Double(pixelWidth) / 2 + (p.x - center.x) * scale,
                   y: Double(pixelHeight) / 2 - (p.y - center.y) * scale)
    }

    public func pixel(_ p: Pose2D) -> PixelPoint { pixel(p.point) }

    /// The world point under a pixel position (inverse of `pixel(_:)`).
    public func world(_ q: PixelPoint) -> Point2D {
        Point2D(x: center.x + (q.x - Double(pixelWidth) / 2) / scale,
                y: center.y - (q.y - Double(pixelHeight) / 2) / scale)
    }

    /// A world length in pixels.
    public func pixels(_ metres: Double) -> Double { metres * scale }

    /// The visible world rectangle.
    public var visibleWorld: WorldRect {
        let a = world(PixelPoint(x: 0, y: Double(pixelHeight)))
        let b = world(PixelPoint(x: Double(pixelWidth), y: 0))
        return WorldRect(minX: a.x, minY: a.y, maxX: b.x, maxY: b.y)
    }

    /// A "nice" step (1, 2 or 5 × 10ⁿ metres) whose length on screen is close to `targetPixels`, for the grid
    /// and the scale bar.
    public func niceStep(targetPixels: Double) -> Double {
        let raw = targetPixels / scale
        guard raw.isFinite, raw > 0 else { return 1 }
        let base = pow(10, log10(raw).rounded(.down))
        let f = raw / base
        let nice: Double = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10
        return nice * base
    }
}
