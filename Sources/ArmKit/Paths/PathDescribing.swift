/// What a viewer needs beyond `target(at:)`: a representative span of time to sample the whole path
/// (to draw it faintly behind the arm). Kept apart from `TargetPath` so that protocol stays minimal.
public protocol PathDescribing: TargetPath {
    /// One representative span, seconds: the period of a periodic path (circle, ping-pong line, looping
    /// waypoints, Lissajous with commensurate frequencies), or the time to the end of a path that stops
    /// (line, waypoints). nil when there is none (a Lissajous curve that never closes, or a static point).
    var naturalDuration: Double? { get }
}

extension PathDescribing {
    /// `count` poses at evenly spaced times over [0, duration], both ends included. `duration` defaults to
    /// `naturalDuration` (0 when that is nil, giving `count` copies of the start). Empty for `count` ≤ 0.
    public func samples(count: Int, over duration: Double? = nil) -> [Pose2D] {
        guard count > 0 else { return [] }
        var span = duration ?? naturalDuration ?? 0
        if !span.isFinite || span < 0 { span = 0 }
        if count == 1 { return [target(at: 0)] }
        let step = span / Double(count - 1)
        return (0..<count).map { k in target(at: k == count - 1 ? span : Double(k) * step) }
    }
}
