/// What the Jacobian says about a configuration: singular values, manipulability, conditioning and the
/// kind of singularity, judged against a threshold ε on σ_min.
public struct SingularityAnalysis: Sendable, Equatable {
    public var singularValues: SingularValues
    public var threshold: Double
    public var singular: Bool
    public var kind: SingularityKind

    public var sigmaMin: Double { singularValues.min }
    public var manipulability: Double { singularValues.manipulability }
    public var conditionNumber: Double { singularValues.conditionNumber }

    /// The default ε as a fraction of the arm's reach: 1% (σ has units of metres per radian).
    public static let defaultThresholdFraction = 0.01

    /// The default ε for an arm: `defaultThresholdFraction` of its reach.
    public static func defaultThreshold(for arm: PlanarArm) -> Double { defaultThresholdFraction * arm.reach }

    public init(singularValues: SingularValues, q: UnsafeBufferPointer<Double>, threshold: Double) {
        self.singularValues = singularValues
        self.threshold = threshold
        singular = singularValues.min < threshold
        kind = singular ? Self.kind(of: q) : .none
    }

    /// Analyses the arm at q (allocating; the solver uses its workspace instead).
    public init(arm: PlanarArm, q: [Double], task: IKTask = .position, threshold: Double? = nil) {
        let rows = task.dimension, n = arm.jointCount
        var j = [Double](repeating: 0, count: rows * n)
        var scratch = j
        _ = j.withUnsafeMutableBufferPointer { jb in
            q.withUnsafeBufferPointer { arm.jacobianForward($0, task: task, into: jb) }
        }
        let sv = j.withUnsafeBufferPointer { jb in
            scratch.withUnsafeMutableBufferPointer { SingularValues(jacobian: jb, rows: rows, columns: n, scratch: $0) }
        }
        let eps = threshold ?? Self.defaultThreshold(for: arm)
        self = q.withUnsafeBufferPointer { SingularityAnalysis(singularValues: sv, q: $0, threshold: eps) }
    }

    /// A singular planar chain has all its links on one line. Stretched (every relative angle after the first
    /// closer to 0 than to π, mod 2π) puts the tip on the outer edge: `boundary`. Any fold: `interior`.
    /// (The pose task of an arm with fewer than 3 joints is always rank-deficient; bent, that is `interior`.)
    public static func kind(of q: UnsafeBufferPointer<Double>) -> SingularityKind {
        for angle in q.dropFirst() where Swift.abs(Angle.wrapped(angle)) > .pi / 2 { return .interior }
        for angle in q.dropFirst() where Swift.abs(Angle.wrapped(angle)) > 0.25 { return .interior }
        return .boundary
    }
}
