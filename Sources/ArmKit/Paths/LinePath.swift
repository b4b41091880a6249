/// A target moving along a straight segment at constant speed (linear timing, not eased: the speed
/// |to − from| / duration is the same everywhere and jumps at the ends).
///
/// Without `pingpong` it goes from `from` to `to` over `duration` and then holds at `to`. With `pingpong`
/// it goes from → to → from → … forever, `duration` per leg (so one full back-and-forth is 2·duration).
/// Before t = 0 (and for a non-finite t) it is at `from`.
public struct LinePath: PathDescribing, Equatable, CustomStringConvertible {
    /// Metres.
    public let from: Point2D
    /// Metres.
    public let to: Point2D
    /// Seconds per leg, > 0.
    public let duration: Double
    public let pingpong: Bool
    /// φ of the target for the pose task, radians (constant).
    public let orientation: Double

    public init(from: Point2D, to: Point2D, duration: Double, pingpong: Bool = false,
                orientation: Double = 0) throws(PathError) {
        var p = ProblemList()
        p.point(from, "from")
        p.point(to, "to")
        p.positive(duration, "duration")
        p.angle(orientation, "orientation")
        try p.throwIfAny()
        self.from = from; self.to = to; self.duration = duration
        self.pingpong = pingpong; self.orientation = orientation
    }

    /// s ∈ [0, 1]: how far along from → to the target is at time t.
    public func progress(at t: Double) -> Double {
        guard t.isFinite, t > 0 else { return 0 }
        let s: Double
        if !pingpong {
            s = t / duration  // may be +inf for huge t: clamped below
        } else {
            let round = 2 * duration
            // When 2·duration overflows, every finite t is inside the first round trip.
            let r = round.isFinite ? t.truncatingRemainder(dividingBy: round) : t
            s = r <= duration ? r / duration : 2 - r / duration
        }
        return min(max(s, 0), 1)
    }

    public func target(at t: Double) -> Pose2D {
        let s = progress(at: t)
        return Pose2D(x: from.x + (to.x - from.x) * s, y: from.y + (to.y - from.y) * s, phi: orientation)
    }

    /// Metres per second while moving.
    public var speed: Double {
        let dx = to.x - from.x, dy = to.y - from.y
        return (dx * dx + dy * dy).squareRoot() / duration
    }

    /// One leg without ping-pong; one round trip (2·duration) with it.
    public var naturalDuration: Double? {
        guard pingpong else { return duration }
        let round = 2 * duration
        return round.isFinite ? round : nil
    }

    public var description: String {
        "line [\(formatNumber(from.x)), \(formatNumber(from.y))] → [\(formatNumber(to.x)), \(formatNumber(to.y))] m "
            + "in \(formatNumber(duration)) s\(pingpong ? ", ping-pong" : "")"
    }
}
