/// L sampled on a square grid over two joints: `resolution` values each way, offsets from −range to +range
/// around the centre. `values[row * resolution + column]`: the column follows the first joint (the picture's
/// x axis), the row the second (y).
public struct LossGrid: Sendable {
    public let slice: LossSlice
    /// The joints on the x and y axes, as the user chose them (either order).
    public let xJoint: Int
    public let yJoint: Int
    public let range: Double
    public let resolution: Int
    public private(set) var values: [Double]
    public private(set) var minimum: Double = .infinity
    public private(set) var maximum: Double = -.infinity

    /// The largest grid a landscape accepts each way.
    public static let maxResolution = 4096

    public init(slice: LossSlice, xJoint: Int, yJoint: Int, range: Double, resolution: Int) {
        precondition(resolution >= 2 && resolution <= Self.maxResolution && range > 0)
        precondition(Set([xJoint, yJoint]) == Set([slice.lo, slice.hi]))
        self.slice = slice; self.xJoint = xJoint; self.yJoint = yJoint
        self.range = range; self.resolution = resolution
        values = [Double](repeating: 0, count: resolution * resolution)
        fill()
    }

    /// The offset from the centre of grid index k (0 … resolution − 1).
    @inline(__always) public func offset(_ k: Int) -> Double {
        -range + 2 * range * Double(k) / Double(resolution - 1)
    }

    /// q[xJoint] and q[yJoint] at a grid column and row.
    public func angles(column: Int, row: Int) -> (x: Double, y: Double) {
        (slice.center[xJoint] + offset(column), slice.center[yJoint] + offset(row))
    }

    /// One sincos per grid line, then a handful of multiplications per point (see `LossSlice`).
    private mutating func fill() {
        let n = resolution
        var sines = [Double](repeating: 0, count: n), cosines = sines, offsets = sines
        for k in 0..<n { offsets[k] = offset(k); (sines[k], cosines[k]) = Double.sincos(offsets[k]) }
        let xIsLo = xJoint == slice.lo
        var lo = Double.infinity, hi = -Double.infinity
        let slice = self.slice
        values.withUnsafeMutableBufferPointer { out in
            for row in 0..<n {
                for column in 0..<n {
                    // u turns joint lo, v joint hi.
                    let (iu, iv) = xIsLo ? (column, row) : (row, column)
                    let l = slice.loss(sinU: sines[iu], cosU: cosines[iu], sinV: sines[iv], cosV: cosines[iv],
                                       u: offsets[iu], v: offsets[iv])
                    out[row * n + column] = l
                    lo = Swift.min(lo, l); hi = Swift.max(hi, l)
                }
            }
        }
        minimum = lo; maximum = hi
    }
}
