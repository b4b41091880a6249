extension Scenario {
    /// Every rule the initial angles break, fields relative to the arm (`initial`, `initial[1]`): one angle
    /// per joint, each within ±`ModelBounds.maxAngle` and inside its joint's limits. `initial` nil means
    /// absent (every joint starts at 0); nil entries, and nil limits, are values the caller could not read.
    public static func initialProblems(_ initial: [Double?]?, jointCount: Int, limits: [JointLimit?]?) -> [FieldProblem] {
        var p = ProblemList()
        let q = initial ?? Array(repeating: 0, count: jointCount)
        if let initial, initial.count != jointCount {
            p.add("initial", "must have \(jointCount) value\(jointCount == 1 ? "" : "s") (one per link), got \(initial.count)")
            return p.problems
        }
        for (i, angle) in q.enumerated() { if let angle { p.angle(angle, "initial[\(i)]") } }
        guard let limits, limits.count == jointCount else { return p.problems }
        for i in 0..<jointCount {
            guard let angle = q[i], let limit = limits[i], limit.problems(field: "").isEmpty,
                  abs(angle) <= ModelBounds.maxAngle, !limit.contains(angle) else { continue }
            let range = "[\(formatNumber(limit.lower)), \(formatNumber(limit.upper))]"
            if initial != nil {
                p.add("initial[\(i)]", "must be within arm.limits[\(i)] \(range), got \(formatNumber(angle))")
            } else {
                p.add("initial", "is absent, so joint \(i) starts at 0, outside arm.limits[\(i)] \(range): "
                      + "give initial angles within the limits")
            }
        }
        return p.problems
    }
}
