/// A dense row-major matrix of `Double`, as the AD verbs return Jacobians and Hessians.
public struct Matrix: Sendable, Equatable, CustomStringConvertible {
    public let rows: Int
    public let columns: Int
    public var elements: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        self.rows = rows; self.columns = columns
        elements = Array(repeating: value, count: rows * columns)
    }

    public init(_ rowArrays: [[Double]]) {
        let width = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == width }, "rows must have equal length")
        rows = rowArrays.count
        columns = width
        elements = rowArrays.flatMap { $0 }
    }

    @inlinable public subscript(row: Int, column: Int) -> Double {
        get { elements[row * columns + column] }
        set { elements[row * columns + column] = newValue }
    }

    public func row(_ r: Int) -> [Double] { Array(elements[r * columns ..< (r + 1) * columns]) }
    public var rowArrays: [[Double]] { (0..<rows).map(row) }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for r in 0..<rows { for c in 0..<columns { t[c, r] = self[r, c] } }
        return t
    }

    public static func * (a: Matrix, v: [Double]) -> [Double] {
        precondition(v.count == a.columns, "dimension mismatch")
        return (0..<a.rows).map { r in (0..<a.columns).reduce(0) { $0 + a[r, $1] * v[$1] } }
    }

    public var description: String { rowArrays.map { $0.description }.joined(separator: "\n") }
}
