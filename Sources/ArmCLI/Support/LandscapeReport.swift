import ArmKit

/// The landscape's data outputs: the grid as CSV and the critical points as JSON.
enum LandscapeReport {
    /// `q<i>,q<j>,L`, one row per grid point, the x joint varying fastest; handed to `emit` in pieces of
    /// about 64 KiB.
    static func csv(_ grid: LossGrid, emit: (String) throws -> Void) rethrows {
        var out = "q\(grid.xJoint),q\(grid.yJoint),L\n"
        for row in 0..<grid.resolution {
            for column in 0..<grid.resolution {
                let (x, y) = grid.angles(column: column, row: row)
                out += "\(x),\(y),\(grid.values[row * grid.resolution + column])\n"
                if out.utf8.count >= 1 << 16 { try emit(out); out = "" }
            }
        }
        try emit(out)
    }

    /// Keys: `joints` [i, j], `center` [q_i, q_j], `range`, `resolution`, `lossMin`, `lossMax`,
    /// `criticalPoints`: [{`q` [q_i, q_j], `loss`, `gradientNorm`, `eigenvalues` [ascending], `kind`}].
    static func json(_ grid: LossGrid, _ points: [CriticalPoint]) -> String {
        let c = grid.slice.center
        let items = points.map { p in
            "{\"q\":[\(p.x),\(p.y)],\"loss\":\(p.loss),\"gradientNorm\":\(p.gradientNorm),"
                + "\"eigenvalues\":[\(p.eigenvalues.0),\(p.eigenvalues.1)],\"kind\":\"\(p.kind.rawValue)\"}"
        }
        return "{\"joints\":[\(grid.xJoint),\(grid.yJoint)],\"center\":[\(c[grid.xJoint]),\(c[grid.yJoint])],"
            + "\"range\":\(grid.range),\"resolution\":\(grid.resolution),\"lossMin\":\(grid.minimum),\"lossMax\":\(grid.maximum),"
            + "\"criticalPoints\":[\(items.joined(separator: ","))]}"
    }
}
