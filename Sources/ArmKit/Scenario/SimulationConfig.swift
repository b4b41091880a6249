/// Time stepping of a simulation, seconds.
public struct SimulationConfig: Sendable, Equatable {
    /// The most frames (K + 1) one run may produce.
    public static let maxFrames = 100_000_000

    public var dt: Double
    public var duration: Double

    public init(dt: Double, duration: Double) { self.dt = dt; self.duration = duration }

    /// K = floor(duration/dt + 1e-9): the slack keeps 2.3 / 0.01 at 230, not 229.
    public var lastIndex: Int { Int((duration / dt + 1e-9).rounded(.down)) }
    public var frameCount: Int { lastIndex + 1 }
    /// t_k = k·dt, never accumulated.
    public func time(ofFrame k: Int) -> Double { Double(k) * dt }

    /// Every rule the settings break, by field name: dt > 0, duration >= 0, and at most `maxFrames` frames
    /// (checked in Double first: `frameCount` converts to Int, which would trap on a huge quotient).
    public func problems() -> [FieldProblem] {
        var p = ProblemList()
        p.positive(dt, "dt")
        p.nonNegative(duration, "duration")
        guard p.problems.isEmpty else { return p.problems }
        let last = duration / dt + 1e-9
        if !(last < Double(Self.maxFrames)) {
            let frames = last.isFinite ? formatNumber(last.rounded(.down) + 1) : "too many"
            p.add("duration", "\(formatNumber(duration)) s at dt \(formatNumber(dt)) s gives \(frames) frames, "
                  + "more than the maximum \(Self.maxFrames)")
        }
        return p.problems
    }
}
