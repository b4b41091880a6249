/// One iteration of a solve, as a per-iteration trace (`armsim solve --trace`) shows it. Every figure but the
/// last three is taken at the iterate before the step.
public struct SolveIteration: Sendable, Equatable {
    /// 1 for the first iteration.
    public var k: Int
    /// L = ½‖e‖² (m², with rad² added for the pose task's φ row).
    public var loss: Double
    /// ‖∇L‖ = ‖Jᵀe‖.
    public var gradientNorm: Double
    /// ‖e‖.
    public var errorNorm: Double
    /// σ_min of J.
    public var sigmaMin: Double
    /// The λ of this iteration's step (0 for steps without damping; for `newton` the eigenvalue floor δ, √m²).
    public var damping: Double
    /// ‖Δq‖ of the step the rule proposed, after the `maxStep` bound (rad).
    public var stepNorm: Double
    /// α of the step taken, after the line search: 1 for the full step, 0 when no step was taken.
    public var stepLength: Double
    /// Whether this iteration left a saddle along negative curvature.
    public var saddleEscape: Bool

    public init(k: Int, loss: Double, gradientNorm: Double, errorNorm: Double, sigmaMin: Double, damping: Double,
                stepNorm: Double, stepLength: Double, saddleEscape: Bool) {
        self.k = k; self.loss = loss; self.gradientNorm = gradientNorm; self.errorNorm = errorNorm
        self.sigmaMin = sigmaMin; self.damping = damping; self.stepNorm = stepNorm; self.stepLength = stepLength
        self.saddleEscape = saddleEscape
    }
}

/// Receives each iteration of a solve. The loop is specialised for its observer: with `NoTrace`, the default,
/// none of the trace's figures is computed.
protocol SolveObserver {
    static var isActive: Bool { get }
    func record(_ iteration: SolveIteration)
}

/// The default: records nothing, costs nothing.
struct NoTrace: SolveObserver {
    @inline(__always) static var isActive: Bool { false }
    @inline(__always) func record(_ iteration: SolveIteration) {}
}

/// Hands every iteration to a closure.
struct ClosureTrace: SolveObserver {
    let body: (SolveIteration) -> Void
    static var isActive: Bool { true }
    func record(_ iteration: SolveIteration) { body(iteration) }
}
