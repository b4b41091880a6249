import ArmKit

/// What the HUD shows beyond the frame's own fields, derived from the frame: the errors apart, the condition
/// number, the curvature of L = ½‖e‖², the joints at a limit, the position part of J Jᵀ (for the ellipse).
struct FrameInsight: Sendable {
    /// ‖target − tip‖ in the plane, metres.
    var positionError: Double
    /// Wrapped φ_target − φ_tip, radians (nil for the position task).
    var orientationError: Double?
    /// σ_max / σ_min (∞ at an exact singularity).
    var conditionNumber: Double
    /// nil when the arm has too many joints for a Hessian per drawn frame.
    var curvature: CurvatureClass?
    var smallestCurvature: Double?
    /// Indices of joints within `limitTolerance` of a limit.
    var jointsAtLimit: [Int]
    /// Entries of the 2×2 position block of J Jᵀ: [a b; b c].
    var gram: (a: Double, b: Double, c: Double)

    /// Joints closer than this to a limit count as at the limit (the solver clamps exactly onto it).
    static let limitTolerance = 1e-9
    /// The Hessian costs n nested-AD sweeps: beyond this many joints the HUD shows "—".
    static let curvatureJointLimit = 32

    init(scenario: Scenario, frame: Frame) {
        let arm = scenario.arm, q = frame.q, task = scenario.task
        positionError = ((frame.target.x - frame.tip.x) * (frame.target.x - frame.tip.x)
            + (frame.target.y - frame.tip.y) * (frame.target.y - frame.tip.y)).squareRoot()
        orientationError = task == .pose ? Angle.wrapped(frame.target.phi - frame.tip.phi) : nil
        let analysis = SingularityAnalysis(arm: arm, q: q, task: task,
                                           threshold: scenario.solver.singularThreshold(for: arm))
        conditionNumber = analysis.conditionNumber
        jointsAtLimit = Self.atLimit(arm: arm, q: q)
        let j = arm.jacobian(q, task: task)
        let n = arm.jointCount
        var a = 0.0, b = 0.0, c = 0.0
        for k in 0..<n {
            let jx = j.elements[k], jy = j.elements[n + k]
            a += jx * jx; b += jx * jy; c += jy * jy
        }
        gram = (a, b, c)
        if n <= Self.curvatureJointLimit {
            let hessian = LeastSquaresView.splitHessian(arm: arm, q: q, task: task, error: Self.error(frame, task), jacobian: j)
            let values = EigenDecomposition(symmetric: hessian).values
            curvature = CurvatureClass.classify(eigenvalues: values)
            smallestCurvature = values.first
        }
    }

    static func atLimit(arm: PlanarArm, q: [Double]) -> [Int] {
        guard let limits = arm.limits else { return [] }
        return q.indices.filter { q[$0] <= limits[$0].lower + limitTolerance || q[$0] >= limits[$0].upper - limitTolerance }
    }

    /// e = target − tip from the frame, one entry per task row (the φ row wrapped), for ∇²L's split.
    static func error(_ frame: Frame, _ task: IKTask) -> [Double] {
        var e = [frame.target.x - frame.tip.x, frame.target.y - frame.tip.y]
        if task.dimension == 3 { e.append(Angle.wrapped(frame.target.phi - frame.tip.phi)) }
        return e
    }
}
