import ArmKit

/// The last guard of the no-NaN contract: a frame with a NaN or infinite number is a run failure, never an
/// empty CSV field or a JSON `null`. The writer's callers check each frame before writing it.
public enum NonFiniteFrameCheck {
    /// The first non-finite field of `frame` (`q[2]`, `tip_x`, `sigma_min`…), or nil when all are finite.
    public static func firstNonFiniteField(_ frame: borrowing Frame) -> String? {
        if allFinite(frame) { return nil }
        if !frame.t.isFinite { return "t" }
        if let name = pose(frame.target, "target") { return name }
        for i in frame.q.indices where !frame.q[i].isFinite { return "q[\(i)]" }
        if let name = pose(frame.tip, "tip") { return name }
        if !frame.error.isFinite { return "error" }
        if !frame.sigmaMin.isFinite { return "sigma_min" }
        if !frame.manipulability.isFinite { return "manipulability" }
        if !frame.damping.isFinite { return "damping" }
        return nil
    }

    /// Throws `OutputError.nonFinite` naming the frame and the field.
    @inline(__always)
    public static func check(_ frame: borrowing Frame) throws(OutputError) {
        if let field = firstNonFiniteField(frame) {
            throw OutputError.nonFinite(frame: frame.index, time: frame.t, field: field)
        }
    }

    /// x − x is 0 for a finite x and NaN otherwise, so one sum answers for every field: the per-frame cost is
    /// a few additions, and the field-by-field search runs only for a frame that fails.
    @inline(__always)
    static func allFinite(_ frame: borrowing Frame) -> Bool {
        var probe = zero(frame.t) + zero(frame.error) + zero(frame.sigmaMin)
        probe += zero(frame.manipulability) + zero(frame.damping)
        probe += zero(frame.target.x) + zero(frame.target.y) + zero(frame.target.phi)
        probe += zero(frame.tip.x) + zero(frame.tip.y) + zero(frame.tip.phi)
        frame.q.withUnsafeBufferPointer { q in
            for x in q { probe += zero(x) }
        }
        return probe == 0
    }

    @inline(__always)
    private static func zero(_ x: Double) -> Double { x - x }

    private static func pose(_ p: Pose2D, _ name: String) -> String? {
        if !p.x.isFinite { return name + "_x" }
        if !p.y.isFinite { return name + "_y" }
        if !p.phi.isFinite { return name + "_phi" }
        return nil
    }
}
