/// A point in the plane, metres.
public struct Point2D: Sendable, Equatable, Hashable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
    public static let origin = Point2D(x: 0, y: 0)
}

/// A planar pose: position in metres and orientation φ in radians (counter-clockwise from +x).
public struct Pose2D: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public var phi: Double
    public init(x: Double, y: Double, phi: Double = 0) { self.x = x; self.y = y; self.phi = phi }
    public var point: Point2D { Point2D(x: x, y: y) }
}
