/// Collects every problem while a model value checks its parameters; the wording of each rule lives here once.
struct ProblemList {
    var problems: [FieldProblem] = []

    mutating func add(_ field: String, _ message: String) {
        problems.append(FieldProblem(field: field, message: message))
    }

    /// A finite point with both coordinates within ±`ModelBounds.maxLength`.
    mutating func point(_ p: Point2D, _ field: String) {
        guard p.x.isFinite, p.y.isFinite else {
            add(field, "must be finite, got [\(formatNumber(p.x)), \(formatNumber(p.y))]")
            return
        }
        let m = ModelBounds.maxLength
        if abs(p.x) > m || abs(p.y) > m {
            add(field, "coordinates must be within ±\(formatNumber(m)) m, got [\(formatNumber(p.x)), \(formatNumber(p.y))]")
        }
    }

    /// A finite length in (0, maxLength] (or [0, maxLength] when `allowZero`), at least `minimum` when given.
    mutating func length(_ v: Double, _ field: String, allowZero: Bool = false, minimum: Double? = nil) {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if allowZero {
            guard v >= 0 else { add(field, "must be >= 0, got \(formatNumber(v))"); return }
        } else {
            guard v > 0 else { add(field, "must be > 0, got \(formatNumber(v))"); return }
        }
        if let minimum, v < minimum {
            add(field, "must be >= \(formatNumber(minimum)) m, got \(formatNumber(v))")
        } else if v > ModelBounds.maxLength {
            add(field, "must be <= \(formatNumber(ModelBounds.maxLength)) m, got \(formatNumber(v))")
        }
    }

    /// A finite value > 0 (and <= `maximum` when given, `unit` naming its unit in the message).
    mutating func positive(_ v: Double, _ field: String, maximum: Double? = nil, unit: String = "") {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if !(v > 0) { add(field, "must be > 0, got \(formatNumber(v))"); return }
        upperBound(v, field, maximum: maximum, unit: unit)
    }

    /// A finite value >= 0 (and <= `maximum` when given).
    mutating func nonNegative(_ v: Double, _ field: String, maximum: Double? = nil, unit: String = "") {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if !(v >= 0) { add(field, "must be >= 0, got \(formatNumber(v))"); return }
        upperBound(v, field, maximum: maximum, unit: unit)
    }

    private mutating func upperBound(_ v: Double, _ field: String, maximum: Double?, unit: String) {
        if let maximum, v > maximum {
            add(field, "must be <= \(formatNumber(maximum))\(unit.isEmpty ? "" : " \(unit)"), got \(formatNumber(v))")
        }
    }

    mutating func finite(_ v: Double, _ field: String) {
        if !v.isFinite { add(field, "must be a finite number, got \(formatNumber(v))") }
    }

    /// A finite angle within ±`ModelBounds.maxAngle` radians.
    mutating func angle(_ v: Double, _ field: String) {
        guard v.isFinite else { add(field, "must be a finite number, got \(formatNumber(v))"); return }
        if abs(v) > ModelBounds.maxAngle {
            add(field, "must be within ±\(formatNumber(ModelBounds.maxAngle)) rad, got \(formatNumber(v))")
        }
    }
}
