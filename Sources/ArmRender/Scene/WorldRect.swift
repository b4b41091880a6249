import ArmKit

/// An axis-aligned rectangle in world coordinates, metres.
public struct WorldRect: Sendable, Equatable {
    public var minX: Double
    public var minY: Double
    public var maxX: Double
    public var maxY: Double

    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
    }

    /// The square around a disc.
    public init(center: Point2D, radius: Double) {
        self.init(minX: center.x - radius, minY: center.y - radius, maxX: center.x + radius, maxY: center.y + radius)
    }

    public var width: Double { maxX - minX }
    public var height: Double { maxY - minY }
    public var center: Point2D { Point2D(x: (minX + maxX) / 2, y: (minY + maxY) / 2) }

    public func contains(_ p: Point2D) -> Bool { p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY }

    /// The smallest rectangle holding both.
    public func union(_ other: WorldRect) -> WorldRect {
        WorldRect(minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
                  maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// Grown to include `p`.
    public func including(_ p: Point2D) -> WorldRect {
        WorldRect(minX: Swift.min(minX, p.x), minY: Swift.min(minY, p.y),
                  maxX: Swift.max(maxX, p.x), maxY: Swift.max(maxY, p.y))
    }
}
