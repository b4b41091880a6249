/// A target visiting a list of points in order, with minimum-jerk timing on each segment: it starts and
/// stops at every waypoint with zero velocity and zero acceleration.
///
/// Within segment i (from points[i] to points[i+1], duration T, starting at t_i):
///     τ = (t − t_i) / T,   s(τ) = 10τ³ − 15τ⁴ + 6τ⁵,   target = points[i] + s·(points[i+1] − points[i])
///
/// Segment durations come either from a constant `speed` (T = length / speed; a zero-length segment, two
/// equal consecutive points, takes no time and is skipped) or from explicit `durations` (one per segment,
/// each > 0: a zero-length segment then is a dwell at that point). With `loop` the last point connects
/// back to the first and the whole tour repeats; without it the target holds at the last point after the
/// end. Before t = 0 (and for a non-finite t) it is at the first point.
public struct WaypointPath: PathDescribing, Equatable, CustomStringConvertible {
    public enum Timing: Sendable, Equatable {
        /// Metres per second along each segment (peak speed is 1.875× this under minimum-jerk timing).
        case speed(Double)
        /// Seconds, one per segment.
        case durations([Double])
    }

    /// Metres; at least 2.
    public let points: [Point2D]
    public let timing: Timing
    public let loop: Bool
    /// φ of the target for the pose task, radians (constant).
    public let orientation: Double
    /// Seconds, one per segment (points.count − 1, or points.count when looping).
    public let segmentDurations: [Double]
    /// segmentEnds[i] = the time segment i ends: the running sum of `segmentDurations`.
    public let segmentEnds: [Double]

    /// Segments in a path of `pointCount` points.
    public static func segmentCount(pointCount: Int, loop: Bool) -> Int {
        loop ? pointCount : max(pointCount - 1, 0)
    }

    public init(points: [Point2D], timing: Timing, loop: Bool = false, orientation: Double = 0) throws(PathError) {
        var p = ProblemList()
        if points.count < 2 {
            p.add("points", "must have at least 2 points, got \(points.count)")
        } else if points.count > PathLimits.maxWaypoints {
            p.add("points", "at most \(PathLimits.maxWaypoints) points, got \(points.count)")
        }
        for (i, point) in points.enumerated() { p.point(point, "points[\(i)]") }
        let segments = Self.segmentCount(pointCount: points.count, loop: loop)
        switch timing {
        case .speed(let v):
            p.positive(v, "speed")
        case .durations(let ds):
            if points.count >= 2, ds.count != segments {
                p.add("durations", "must have \(segments) value\(segments == 1 ? "" : "s") (one per segment"
                      + (loop ? ", including the one from the last point back to the first" : "")
                      + "), got \(ds.count)")
            }
            for (i, d) in ds.enumerated() { p.positive(d, "durations[\(i)]") }
        }
        p.angle(orientation, "orientation")
        try p.throwIfAny()

        var durations: [Double] = []
        durations.reserveCapacity(segments)
        switch timing {
        case .speed(let v):
            for i in 0..<segments {
                let a = points[i], b = points[(i + 1) % points.count]
                let dx = b.x - a.x, dy = b.y - a.y
                durations.append((dx * dx + dy * dy).squareRoot() / v)
            }
        case .durations(let ds):
            durations = ds
        }
        var ends: [Double] = []
        ends.reserveCapacity(segments)
        var sum = 0.0
        for d in durations { sum += d; ends.append(sum) }
        guard sum.isFinite else {
            switch timing {
            case .speed: throw PathError(problems: [PathProblem(field: "speed", message: "too small: the total time of the path is not finite")])
            case .durations: throw PathError(problems: [PathProblem(field: "durations", message: "the total time must be finite")])
            }
        }
        self.points = points; self.timing = timing; self.loop = loop; self.orientation = orientation
        self.segmentDurations = durations; self.segmentEnds = ends
    }

    /// Seconds for one pass over every segment (one lap when looping).
    public var totalDuration: Double { segmentEnds.last ?? 0 }

    /// The minimum-jerk profile s(τ) = 10τ³ − 15τ⁴ + 6τ⁵ for τ clamped to [0, 1]; s(0) = 0, s(1) = 1, and
    /// s′ and s″ vanish at both ends.
    public static func minimumJerk(_ tau: Double) -> Double {
        let u = min(max(tau, 0), 1)
        return u * u * u * (10 + u * (-15 + 6 * u))
    }

    public func target(at t: Double) -> Pose2D {
        let total = totalDuration
        guard t.isFinite, t > 0, total > 0 else { return pose(points[0]) }
        var u = t
        if loop {
            u = t.truncatingRemainder(dividingBy: total)
        } else if t >= total {
            return pose(points[points.count - 1])
        }
        // The first segment that ends after u; it has a positive duration because the one before it
        // (if any) ends at or before u.
        var lo = 0, hi = segmentEnds.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if segmentEnds[mid] > u { hi = mid } else { lo = mid + 1 }
        }
        let i = lo
        let start = i == 0 ? 0 : segmentEnds[i - 1]
        let duration = segmentDurations[i]
        guard duration > 0 else { return pose(points[(i + 1) % points.count]) }
        let s = Self.minimumJerk((u - start) / duration)
        let a = points[i], b = points[(i + 1) % points.count]
        return Pose2D(x: a.x + (b.x - a.x) * s, y: a.y + (b.y - a.y) * s, phi: orientation)
    }

    private func pose(_ p: Point2D) -> Pose2D { Pose2D(x: p.x, y: p.y, phi: orientation) }

    /// The whole tour (one lap when looping); nil when it takes no time (every point the same, with speed).
    public var naturalDuration: Double? { totalDuration > 0 ? totalDuration : nil }

    public var description: String {
        let timingText: String
        switch timing {
        case .speed(let v): timingText = "at \(formatNumber(v)) m/s"
        case .durations: timingText = "in \(formatNumber(totalDuration)) s"
        }
        return "waypoints (\(points.count) points) \(timingText)\(loop ? ", looping" : "")"
    }
}
