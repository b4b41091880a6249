/// The shape of L = ½‖e‖² at a solved configuration, from the Hessian's eigenvalues λ against
/// τ = 1e-6·max|λ|: `bowl` (every λ > τ), `hill` (some λ < −τ, none > τ), `saddle` (both signs beyond τ), `flat`
/// (none < −τ and some |λ| ≤ τ: degenerate, e.g. a redundant arm's null space). The same rule and raw values as
/// the analysis library's `CurvatureClass`, written here for the tracking columns (`run --curvature`) so the
/// simulation needs nothing from the analysis folder.
public enum TrackingCurvature: String, Sendable, Equatable, CaseIterable {
    case bowl, hill, saddle, flat

    public static let relativeTolerance = 1e-6

    /// The class of n eigenvalues.
    public static func classify(_ eigenvalues: some Sequence<Double>) -> TrackingCurvature {
        var largest = 0.0
        for value in eigenvalues { largest = max(largest, abs(value)) }
        let tau = relativeTolerance * largest
        var negative = false, positive = false, degenerate = true
        var any = false
        for value in eigenvalues {
            any = true
            if value < -tau { negative = true }
            if value > tau { positive = true }
        }
        degenerate = !any || eigenvalues.contains { abs($0) <= tau }
        switch (negative, positive) {
        case (true, true): return .saddle
        case (true, false): return .hill
        case (false, _): return degenerate ? .flat : .bowl
        }
    }
}

/// L, ‖∇L‖ and the curvature class at one frame's solved q, against the frame's target.
public struct FrameCurvature: Sendable, Equatable {
    public var loss: Double
    public var gradientNorm: Double
    public var curvature: TrackingCurvature
}

/// Measures `FrameCurvature` with buffers allocated once (the Hessian, its eigenvectors, J).
final class CurvatureProbe {
    let arm: PlanarArm
    let task: IKTask
    private let hessian: UnsafeMutableBufferPointer<Double>
    private let vectors: UnsafeMutableBufferPointer<Double>
    private let jacobian: UnsafeMutableBufferPointer<Double>
    private let scratch: UnsafeMutableBufferPointer<Double>

    init(arm: PlanarArm, task: IKTask) {
        self.arm = arm; self.task = task
        let n = arm.jointCount
        hessian = .allocate(capacity: n * n); hessian.initialize(repeating: 0)
        vectors = .allocate(capacity: n * n); vectors.initialize(repeating: 0)
        jacobian = .allocate(capacity: task.dimension * n); jacobian.initialize(repeating: 0)
        scratch = .allocate(capacity: n); scratch.initialize(repeating: 0)
    }

    deinit { hessian.deallocate(); vectors.deallocate(); jacobian.deallocate(); scratch.deallocate() }

    func measure(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> FrameCurvature {
        let n = q.count, rows = task.dimension
        let loss = arm.lossHessian(q, target: target, task: task, into: hessian, jacobian: jacobian, scratch: scratch)
        let tip = arm.tipPose { q[$0] }
        let e = SIMD3(target.x - tip.x, target.y - tip.y, task == .pose ? Angle.difference(target.phi, tip.phi) : 0)
        var gradientSquared = 0.0
        for c in 0..<n {
            var g = 0.0
            for r in 0..<rows { g += jacobian[r * n + c] * e[r] }
            gradientSquared += g * g
        }
        JacobiEigen.decompose(hessian, n, vectors: vectors)
        let curvature = TrackingCurvature.classify((0..<n).lazy.map { self.hessian[$0 * n + $0] })
        return FrameCurvature(loss: loss, gradientNorm: gradientSquared.squareRoot(), curvature: curvature)
    }
}
