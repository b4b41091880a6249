/// A square grid of cells centred on the arm's base, each holding the best metric value (or the count) of the
/// samples whose tip fell in it; `nil` where none did. Row 0 is the bottom (y = base.y − halfWidth).
public struct WorkspaceMap: Sendable, Equatable {
    public let metric: WorkspaceMetric
    public let resolution: Int
    public let center: Point2D
    /// Half the side of the square, metres: a little beyond the reach so the outer edge shows.
    public let halfWidth: Double
    /// Cell values; negative means empty (every real value is ≥ 0).
    public internal(set) var cells: [Double]
    public let samples: Int

    init(metric: WorkspaceMetric, resolution: Int, center: Point2D, halfWidth: Double, samples: Int) {
        self.metric = metric; self.resolution = resolution; self.center = center
        self.halfWidth = halfWidth; self.samples = samples
        cells = [Double](repeating: -1, count: resolution * resolution)
    }

    public func value(column: Int, row: Int) -> Double? {
        let v = cells[row * resolution + column]
        return v < 0 ? nil : v
    }

    /// The cell a point falls in, or nil outside the square.
    @inline(__always) public func cell(of p: Point2D) -> (column: Int, row: Int)? {
        let s = Double(resolution) / (2 * halfWidth)
        let fx = (p.x - center.x + halfWidth) * s, fy = (p.y - center.y + halfWidth) * s
        guard fx >= 0, fy >= 0, fx < Double(resolution), fy < Double(resolution) else { return nil }
        return (Int(fx), Int(fy))
    }

    /// The centre of a cell, metres.
    public func cellCenter(column: Int, row: Int) -> Point2D {
        let size = 2 * halfWidth / Double(resolution)
        return Point2D(x: center.x - halfWidth + (Double(column) + 0.5) * size,
                       y: center.y - halfWidth + (Double(row) + 0.5) * size)
    }

    /// The smallest and largest filled values; nil for an empty map.
    public var valueRange: (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in cells where v >= 0 { lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        return lo <= hi ? (lo, hi) : nil
    }

    /// Folds another partial map in: max for the dexterity metrics, a sum for counts. Both are exact and
    /// order-independent, which is what makes the result independent of how samples were split over cores.
    mutating func merge(_ other: WorkspaceMap) {
        for i in cells.indices where other.cells[i] >= 0 {
            let v = other.cells[i]
            if cells[i] < 0 { cells[i] = v } else { cells[i] = metric == .reachCount ? cells[i] + v : Swift.max(cells[i], v) }
        }
    }
}
