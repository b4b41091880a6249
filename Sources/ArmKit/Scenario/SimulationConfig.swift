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
}
