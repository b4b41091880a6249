import AutoDiff

extension PlanarArm {
    /// Whether a point lies in the annulus the tip can reach: inner radius ≤ ‖p − base‖ ≤ Σ L, widened by
    /// `slack` (the solver's tolerance) so a target exactly on the edge counts as reachable.
    public func canReach(_ p: Point2D, slack: Double = 0) -> Bool {
        let dx = p.x - base.x, dy = p.y - base.y
        let d = (dx * dx + dy * dy).squareRoot()
        return d <= reach + slack && d >= innerRadius - slack
    }

    /// Whether a pose lies in reach: its point in the annulus, and its wrist (the point minus the last link along φ)
    /// in the annulus of the other links, widened by `slack`. The last joint then sets φ freely (no limits assumed).
    public func canReach(pose p: Pose2D, slack: Double = 0) -> Bool {
        guard canReach(p.point, slack: slack) else { return false }
        let last = links[links.count - 1]
        var outer = 0.0, longest = 0.0
        for length in links.dropLast() { outer += length; longest = max(longest, length) }
        let inner = max(0, longest - (outer - longest))
        let (s, c) = Double.sincos(Angle.wrapped(p.phi))
        let dx = p.x - last * c - base.x, dy = p.y - last * s - base.y
        let d = (dx * dx + dy * dy).squareRoot()
        return d <= outer + slack && d >= inner - slack
    }

    /// The point of the reachable annulus nearest to p. For p at the base itself (inner radius > 0) every
    /// point of the inner circle is nearest: the one in the direction of `fallback` keeps the motion small.
    public func closestReachablePoint(to p: Point2D, fallback: Point2D) -> Point2D {
        var dx = p.x - base.x, dy = p.y - base.y
        var d = (dx * dx + dy * dy).squareRoot()
        if d == 0 {
            dx = fallback.x - base.x; dy = fallback.y - base.y
            d = (dx * dx + dy * dy).squareRoot()
            if d == 0 { dx = 1; dy = 0; d = 1 }
        }
        let radius = min(max(d, innerRadius), reach)
        return Point2D(x: base.x + dx / d * radius, y: base.y + dy / d * radius)
    }
}
