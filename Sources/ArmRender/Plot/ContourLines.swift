/// Marching squares over a grid of values (`values[row * columns + column]`): the segments where the
/// bilinear surface crosses a level, in fractional grid coordinates (column, row).
enum ContourLines {
    struct Segment { var a: (Double, Double); var b: (Double, Double) }

    static func segments(_ values: [Double], columns: Int, rows: Int, level: Double) -> [Segment] {
        var out: [Segment] = []
        for r in 0..<(rows - 1) {
            for c in 0..<(columns - 1) {
                let v00 = values[r * columns + c], v10 = values[r * columns + c + 1]
                let v01 = values[(r + 1) * columns + c], v11 = values[(r + 1) * columns + c + 1]
                var hits: [(Double, Double)] = []
                func edge(_ va: Double, _ vb: Double, _ pa: (Double, Double), _ pb: (Double, Double)) {
                    guard (va < level) != (vb < level) else { return }
                    let t = (level - va) / (vb - va)
                    hits.append((pa.0 + t * (pb.0 - pa.0), pa.1 + t * (pb.1 - pa.1)))
                }
                let x = Double(c), y = Double(r)
                edge(v00, v10, (x, y), (x + 1, y))
                edge(v10, v11, (x + 1, y), (x + 1, y + 1))
                edge(v11, v01, (x + 1, y + 1), (x, y + 1))
                edge(v01, v00, (x, y + 1), (x, y))
                if hits.count == 2 { out.append(Segment(a: hits[0], b: hits[1])) }
                // Four crossings (a saddle cell): pair them by the centre value's side.
                if hits.count == 4 {
                    let centre = (v00 + v10 + v01 + v11) / 4
                    if (centre < level) == (v00 < level) {
                        out.append(Segment(a: hits[0], b: hits[1])); out.append(Segment(a: hits[2], b: hits[3]))
                    } else {
                        out.append(Segment(a: hits[0], b: hits[3])); out.append(Segment(a: hits[1], b: hits[2]))
                    }
                }
            }
        }
        return out
    }
}
