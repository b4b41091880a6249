import ArmKit

/// The one rule for "the picture at time t": t must be a finite number in [0, duration] (a relative slack
/// of 1e-9 forgives decimal spellings of the end time), and the frame drawn is k = round(t/dt), at most the
/// last frame.
public enum RenderTime {
    public static func frameIndex(time: Double, simulation: SimulationConfig) throws(RenderError) -> Int {
        let end = simulation.duration
        guard time.isFinite, time >= 0, time <= end + 1e-9 * max(1, end) else {
            throw RenderError(.invalidArgument, "must be within 0…\(end) s (the scenario's duration), got \(time)")
        }
        return min(simulation.lastIndex, Int((time / simulation.dt).rounded()))
    }
}
