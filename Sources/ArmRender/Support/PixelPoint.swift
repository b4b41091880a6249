/// A point on the drawable, in pixels: x to the right, y down, (0, 0) the top-left corner of the top-left
/// pixel (so the centre of pixel (i, j) is (i + 0.5, j + 0.5)).
public struct PixelPoint: Sendable, Equatable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }

    /// The pixel this point falls in.
    public var column: Int { Int(x.rounded(.down)) }
    public var row: Int { Int(y.rounded(.down)) }
}
