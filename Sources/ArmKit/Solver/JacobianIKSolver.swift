import AutoDiff

/// Jacobian-based IK for both methods a scenario can ask for:
/// - `dls`: Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e with fixed or σ_min-gated variable λ. With λ > 0 the step obeys
///   ‖Δq‖ ≤ ‖e‖ / (2λ), so it stays bounded even at an exact singularity.
/// - `pinv`: the same with λ = 0; within ε of a singularity it refuses to step and reports `failed`.
///
/// Every iteration: one AD sweep gives the tip and J together; J Jᵀ is 2×2 or 3×3 and solved in closed form,
/// so an iteration is O(n). Then ‖Δq‖ is clamped to maxStep, and joint limits are enforced by an active set:
/// a joint whose step would cross its limit is frozen (its column of J zeroed) and the step re-solved, then q
/// is clamped into its limits.
///
/// At a saddle of ½‖e‖² (‖Jᵀe‖ ≈ 0 with ‖e‖ large: a stretched arm whose target lies inward on its line) DLS
/// cannot move. The solver then takes the Hessian of ½‖e‖² by nested AD and steps along the eigenvector of
/// its most negative eigenvalue (the idea of saddle-free Newton methods); with no negative curvature it is
/// a true minimum (an unreachable target) and the solve stops.
public final class JacobianIKSolver: IKSolver {
    public let arm: PlanarArm
    public let task: IKTask
    public let config: SolverConfig
    /// The rest pose the `rest` null-space objective pulls toward.
    public let rest: [Double]
    /// ε on σ_min: singular below it; variable damping acts below it.
    public let threshold: Double
    /// Variable damping is also capped at μ‖e‖ (Levenberg–Marquardt as Yamashita–Fukushima): the cap is λ_max
    /// for errors of 1% of the reach and shrinks with the error, so a solve that ends at a singular
    /// configuration (a target on the outer edge) still converges fast, while ‖Δq‖ ≤ ‖e‖/(2λ) ≤ 1/(2μ) stays bounded.
    private let errorScaledDampingCap: Double
    /// Whether a secondary objective moves the arm in J's null space.
    private let nullSpaceActive: Bool

    private let n: Int
    /// The arm's joint limits, held here so the hot loop does not reach through `arm` for them.
    private let limits: [JointLimit]?
    private let rows: Int
    private let jacobian: UnsafeMutableBufferPointer<Double>
    /// The link lengths, copied so the hot loop never retains the arm's array.
    private let lengths: UnsafeMutableBufferPointer<Double>
    private let scratch: UnsafeMutableBufferPointer<Double>
    private let step: UnsafeMutableBufferPointer<Double>
    private let trial: UnsafeMutableBufferPointer<Double>
    /// q before the current step, for the backtracking line search.
    private let backup: UnsafeMutableBufferPointer<Double>
    /// How often a step that raised the error is halved before the solve gives up on it.
    static let maxStepHalvings = 10
    private let frozen: UnsafeMutableBufferPointer<Bool>
    /// The q of the last sweep whose tip and J are still in `jacobian` when a solve returns. A tracking loop
    /// starts the next solve from exactly that q, so its first sweep is already done.
    private let sweptQ: UnsafeMutableBufferPointer<Double>
    /// The link directions of the last sweep, which the next one rotates after a small step.
    private let directions: LinkDirections
    /// State the hot loop rewrites, behind a pointer rather than in stored `var`s, which would cost a dynamic
    /// exclusivity check on every access.
    private let state: UnsafeMutablePointer<SweepState>
    private struct SweepState {
        /// The tip and J Jᵀ of the sweep at `sweptQ` (whose J is in `jacobian`), if a solve ended there.
        var swept: Sweep?
        /// Whether the last sweep took its link directions from sincos (so the next may rotate them).
        var lastSweepFresh = false
    }
    /// What one sweep returns besides J (which it writes into `jacobian`).
    private typealias Sweep = (tip: (x: Double, y: Double, phi: Double), gram: SmallSymmetric)

    public init(arm: PlanarArm, task: IKTask, config: SolverConfig, rest: [Double]) {
        self.arm = arm; self.task = task; self.config = config
        self.rest = rest.count == arm.jointCount ? rest : [Double](repeating: 0, count: arm.jointCount)
        threshold = config.singularThreshold(for: arm)
        errorScaledDampingCap = config.damping / (0.01 * arm.reach)
        nullSpaceActive = config.nullSpace != .none && arm.jointCount > task.dimension && config.nullSpaceGain > 0
        limits = arm.limits
        n = arm.jointCount
        rows = task.dimension
        state = .allocate(capacity: 1)
        state.initialize(to: SweepState(swept: nil))
        jacobian = .allocate(capacity: rows * n)
        lengths = .allocate(capacity: n)
        _ = lengths.initialize(from: arm.links)
        scratch = .allocate(capacity: rows * n)
        step = .allocate(capacity: n)
        trial = .allocate(capacity: n)
        backup = .allocate(capacity: n)
        frozen = .allocate(capacity: n)
        sweptQ = .allocate(capacity: n)
        sweptQ.initialize(repeating: 0)
        directions = LinkDirections(count: n)
        jacobian.initialize(repeating: 0); scratch.initialize(repeating: 0)
        step.initialize(repeating: 0); trial.initialize(repeating: 0); backup.initialize(repeating: 0); frozen.initialize(repeating: false)
    }

    deinit {
        jacobian.deallocate(); lengths.deallocate(); scratch.deallocate(); step.deallocate(); trial.deallocate(); backup.deallocate(); frozen.deallocate(); sweptQ.deallocate()
        directions.deallocate()
        state.deinitialize(count: 1); state.deallocate()
    }

    /// Tip and J at q in one AD pass: forward mode seeded through the prefix sum (`jacobianForward`), which
    /// `armsim bench` measures at the trigonometric floor for every n, where whole-chain forward mode grows as n²
    /// and the tape costs 1.8–2.0× FK. J Jᵀ comes from the same pass.
    ///
    /// Within one solve, a sweep that follows a fresh one rotates its link directions through the step instead
    /// of calling sincos again (`LinkDirections`), unless a link turned by more than 1/16 rad; the one after
    /// that is fresh again, so rotations never compound. A solve's first sweep is always fresh (`fresh: true`,
    /// or the previous solve's fresh last sweep), so a solve's result depends on its q and target alone.
    /// J Jᵀ is returned by value, and the sweep and `damping` are inlined, so the iteration keeps J Jᵀ in
    /// registers. Keeping it in `state` and copying it back out reloaded it with wider loads than the sweep's
    /// stores: a store-forwarding stall on every iteration's critical path (`armsim bench`, 7 links: dls_step
    /// 2.03–2.04× → 1.95–1.97× FK). Only a solve's last sweep is kept, for the next solve that starts there.
    @inline(__always) private func sweep(_ q: UnsafeMutableBufferPointer<Double>, fresh: Bool = false) -> Sweep {
        let angles = UnsafeBufferPointer(q)
        let rotated = !fresh && state.pointee.lastSweepFresh && directions.rotate(to: angles)
        if !rotated { directions.refresh(angles) }
        state.pointee.lastSweepFresh = !rotated
        var gram = SmallSymmetric(size: rows)
        let tip = PlanarArm.jacobianForward(lengths: UnsafeBufferPointer(lengths), base: arm.base, directions: directions,
                                            task: task, into: jacobian, gram: &gram)
        return (tip, gram)
    }

    public func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> SolveReport {
        precondition(q.count == n, "q must have one angle per joint")
        var report = SolveReport()
        let tolerance = config.tolerance
        let reachable = arm.canReach(target.point, slack: tolerance)
        var refused = false
        var (tip, gram) = cachedSweep(q) ?? sweep(q, fresh: true)
        // An unreachable target is aimed at through its closest reachable point: the arm ends stretched
        // toward it (or folded toward a target in the inner hole) instead of oscillating.
        var aim = target
        if !reachable {
            let p = arm.closestReachablePoint(to: target.point, fallback: Point2D(x: tip.x, y: tip.y))
            aim.x = p.x; aim.y = p.y
        }
        var e = TaskError(target: aim, tip: tip, task: task)
        var lambda = 0.0
        var largestStepSquared = 0.0

        let toleranceSquared = tolerance * tolerance
        while report.iterations < config.maxIterations && e.normSquared >= toleranceSquared {
            guard let damping = damping(gram, e) else { refused = true; break }
            lambda = damping
            report.iterations += 1

            if isSaddle(e, gram: gram) {
                if escapeSaddle(q, target: aim) {
                    report.saddleEscapes += 1
                    report.largestStep = max(report.largestStep, config.maxStep)
                    (tip, gram) = sweep(q)
                    e = TaskError(target: aim, tip: tip, task: task)
                    continue
                }
                break   // a true minimum of ½‖e‖²: no iteration can do better
            }

            let before = e.normSquared
            guard let normSquared = update(q, gram: gram, lambda: lambda, e: e) else { refused = config.method == .pinv; break }
            largestStepSquared = max(largestStepSquared, normSquared)

            (tip, gram) = sweep(q)
            e = TaskError(target: aim, tip: tip, task: task)
            if normSquared < 1e-30 { break }   // no motion left: a minimum of ½‖e‖², or every joint frozen
            // Far from the target a clamped step can overshoot (and two overshoots can cycle forever). The DLS
            // direction is a descent direction of ½‖e‖², so halve the step until the error drops.
            // With limits the search follows the projected arc clamp(q + α·Δq), as the step itself did.
            var halvings = 0
            var alpha = 1.0
            while e.normSquared > before && halvings < Self.maxStepHalvings {
                alpha *= 0.5
                for i in 0..<n { q[i] = backup[i] + alpha * step[i] }
                if let limits { for i in 0..<n { q[i] = limits[i].clamp(q[i]) } }
                (tip, gram) = sweep(q)
                e = TaskError(target: aim, tip: tip, task: task)
                halvings += 1
            }
            if e.normSquared > before {   // no descent along this step: keep the configuration we had
                for i in 0..<n { q[i] = backup[i] }
                (tip, gram) = sweep(q)
                e = TaskError(target: aim, tip: tip, task: task)
                break
            }
            if before - e.normSquared <= 1e-14 * before { break }   // no relative progress left (pinned at limits)
        }

        report.largestStep = max(report.largestStep, largestStepSquared.squareRoot())
        let converged = e.norm < tolerance && reachable
        report.error = reachable ? e.norm : TaskError(target: target, tip: tip, task: task).norm
        report.damping = lambda
        report.tip = Pose2D(x: tip.x, y: tip.y, phi: Angle.wrapped(tip.phi))
        let analysis = SingularityAnalysis(singularValues: singularValues(gram), q: UnsafeBufferPointer(q), threshold: threshold)
        report.sigmaMin = analysis.sigmaMin
        report.manipulability = analysis.manipulability
        report.singular = analysis.singular
        report.singularity = analysis.kind
        report.status = status(converged: converged, reachable: reachable, refused: refused, q: q)
        // Every path out of the loop above ends with `jacobian` and `tip` swept at this q. Only a fresh sweep is
        // kept: the next solve must start from exactly what a fresh solver would compute.
        for i in 0..<n { sweptQ[i] = q[i] }
        state.pointee.swept = state.pointee.lastSweepFresh ? (tip, gram) : nil
        return report
    }

    /// σ of the J in `jacobian`. For two rows the sweep's J Jᵀ supplies the rotation's Gram entries.
    private func singularValues(_ gram: SmallSymmetric) -> SingularValues {
        let j = UnsafeBufferPointer(jacobian)
        guard rows == 2 else { return SingularValues(jacobian: j, rows: rows, columns: n, scratch: scratch) }
        return SingularValues.twoRows(j, n, alpha: gram.a00, beta: gram.a11, gamma: gram.a01)
    }

    /// The tip (and, in `jacobian`, J) of the last solve's final sweep, if q has not changed since.
    /// Inlined: out of line it returned the sweep through memory, and the caller reloaded it with wider loads
    /// than the stores (a store-forwarding stall at the start of every frame).
    @inline(__always) private func cachedSweep(_ q: UnsafeMutableBufferPointer<Double>) -> Sweep? {
        guard let swept = state.pointee.swept else { return nil }
        for i in 0..<n where q[i] != sweptQ[i] { return nil }
        return swept
    }

    /// One DLS iteration as `armsim bench` times it: tip and J in one AD sweep, e, J Jᵀ, λ, the closed-form
    /// solve and the update. No saddle check, line search or singularity report. Returns ‖Δq‖².
    @discardableResult
    public func iterate(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> Double {
        state.pointee.swept = nil
        let (tip, gram) = sweep(q, fresh: true)
        let e = TaskError(target: target, tip: tip, task: task)
        guard let lambda = damping(gram, e) else { return 0 }
        return update(q, gram: gram, lambda: lambda, e: e) ?? 0
    }

    /// λ for this iteration; nil when the pseudo-inverse refuses (σ_min < ε).
    @inline(__always) private func damping(_ gram: SmallSymmetric, _ e: TaskError) -> Double? {
        // Away from singularities (the common case) no eigenvalue is computed: λ_min(J Jᵀ) ≥ ε² means σ_min ≥ ε.
        let nearSingular = !gram.smallestEigenvalueIsAtLeast(threshold * threshold)
        if config.method == .pinv { return nearSingular ? nil : 0 }
        guard config.variableDamping else { return config.damping }
        guard nearSingular else { return 0 }
        let lambda = DampingSchedule.lambda(sigmaMin: gram.minEigenvalue.squareRoot(), threshold: threshold,
                                            maximum: config.damping, variable: true)
        return min(lambda, errorScaledDampingCap * e.norm)
    }

    /// The DLS step, clamped to maxStep, plus any null-space motion, applied to q within its limits; q before the
    /// update is left in `backup` for the line search. Returns the primary step's squared norm (no square root
    /// unless the clamp needs one), or nil if J Jᵀ + λ²I could not be solved.
    ///
    /// An arm with no joint limits and no secondary objective (the common case) forms the step, the backup and
    /// the moved q in one pass over J; a step the clamp then shortens re-forms q from the backup, bit for bit what
    /// separate passes would give.
    private func update(_ q: UnsafeMutableBufferPointer<Double>, gram: SmallSymmetric, lambda: Double, e: TaskError) -> Double? {
        let free = limits == nil && !nullSpaceActive
        var normSquared: Double
        if free {
            guard let w = gram.solve(shift: lambda * lambda, e.components) else { return nil }
            normSquared = applyTranspose(w, moving: q)
        } else {
            for i in 0..<n { backup[i] = q[i] }
            guard let stepSquared = dlsStep(gram: gram, lambda: lambda, e: e, q: q) else { return nil }
            normSquared = stepSquared
        }
        let maxStep = config.maxStep
        if normSquared > maxStep * maxStep {
            let scale = maxStep / normSquared.squareRoot()
            for i in 0..<n { step[i] *= scale }
            if free { for i in 0..<n { q[i] = backup[i] + step[i] } }
            normSquared = maxStep * maxStep
        }
        if free { return normSquared }
        addNullSpaceMotion(q, gram: gram, lambda: lambda)
        for i in 0..<n { q[i] += step[i] }
        if let limits { for i in 0..<n { q[i] = limits[i].clamp(q[i]) } }
        return normSquared
    }

    private func status(converged: Bool, reachable: Bool, refused: Bool, q: UnsafeMutableBufferPointer<Double>) -> SolveStatus {
        if converged { return .converged }
        if !reachable { return .unreachable }
        if refused { return .failed }
        if let limits {
            for i in 0..<n where q[i] <= limits[i].lower + 1e-12 || q[i] >= limits[i].upper - 1e-12 { return .limited }
        }
        return .stalled
    }

    /// ‖Jᵀe‖ negligible next to ‖J‖·‖e‖: ½‖e‖² is stationary but the target is not reached.
    private func isSaddle(_ e: TaskError, gram: SmallSymmetric) -> Bool {
        // ‖Jᵀe‖² = eᵀ(J Jᵀ)e and ‖J‖² = trace(J Jᵀ) cost nothing from the Gram matrix, but rounding in that
        // product is ~1e-16 of the scale, far above the 1e-18 test. It can only rule a saddle out (the common
        // case, by many orders of magnitude); anything near goes to the exact pass over J.
        if gram.quadraticForm(e.components) > 1e-10 * gram.trace * e.normSquared { return false }
        var gradient = 0.0, jnorm = 0.0
        for c in 0..<n {
            var g = 0.0
            for r in 0..<rows {
                let v = jacobian[r * n + c]
                g += v * e.components[r]
                jnorm += v * v
            }
            gradient += g * g
        }
        return gradient <= 1e-18 * jnorm * e.normSquared   // ‖Jᵀe‖ ≤ 1e-9·‖J‖·‖e‖, squared
    }

    /// Δq = Jᵀ (J Jᵀ + λ² I)⁻¹ e into `step`, with joints that would cross a limit frozen and re-solved.
    /// Returns ‖Δq‖², or nil if J Jᵀ + λ²I could not be solved.
    private func dlsStep(gram: SmallSymmetric, lambda: Double, e: TaskError, q: UnsafeMutableBufferPointer<Double>) -> Double? {
        guard let w = gram.solve(shift: lambda * lambda, e.components) else { return nil }
        let normSquared = applyTranspose(w)
        guard let limits else { return normSquared }
        // Active set: a joint already at a limit where descent (the gradient direction Jᵀe of −½‖e‖², the KKT
        // test) points further out cannot help; freeze it (zero its column) and re-solve for the others. A pinned
        // joint whose descent points inward is released. Joints that would only cross a limit during this step are
        // clamped onto it by the update and join the active set next iteration.
        var anyFrozen = false
        for i in 0..<n {
            var descent = jacobian[i] * e.components[0] + jacobian[n + i] * e.components[1]
            if rows == 3 { descent += jacobian[2 * n + i] * e.components[2] }
            frozen[i] = (q[i] <= limits[i].lower && descent < 0) || (q[i] >= limits[i].upper && descent > 0)
            anyFrozen = anyFrozen || frozen[i]
        }
        guard anyFrozen else { return normSquared }
        for r in 0..<rows { for i in 0..<n where frozen[i] { jacobian[r * n + i] = 0 } }
        let reduced = SmallSymmetric(gramOf: jacobian, rows: rows, columns: n)
        // Freezing columns can leave J Jᵀ rank-deficient (one free joint for a 2-row task): a damping floor far
        // below ε keeps the closed-form inverse from amplifying rounding into a garbage step.
        let floor = 0.01 * threshold
        guard let w2 = reduced.solve(shift: max(lambda * lambda, floor * floor), e.components) else {
            for i in 0..<n { step[i] = 0 }   // every useful joint is pinned: nothing to do
            return 0
        }
        return applyTranspose(w2)   // frozen columns are zero, so frozen joints get a zero step
    }

    /// step = Jᵀw; returns ‖step‖² from the same pass. With `q`, the same pass also saves q in `backup` and
    /// adds the step to it.
    @discardableResult
    private func applyTranspose(_ w: SIMD3<Double>, moving q: UnsafeMutableBufferPointer<Double>? = nil) -> Double {
        let w0 = w[0], w1 = w[1], w2 = w[2]
        var normSquared = 0.0
        for c in 0..<n {
            var v = jacobian[c] * w0 + jacobian[n + c] * w1
            if rows == 3 { v += jacobian[2 * n + c] * w2 }
            step[c] = v
            normSquared += v * v
            if let q { backup[c] = q[c]; q[c] += v }
        }
        return normSquared
    }

    /// Adds (I − J⁺J) z for the configured secondary objective, z = gain · (descent direction of the objective).
    private func addNullSpaceMotion(_ q: UnsafeMutableBufferPointer<Double>, gram: SmallSymmetric, lambda: Double) {
        guard nullSpaceActive else { return }
        let gain = config.nullSpaceGain
        switch config.nullSpace {
        case .none: return
        case .rest:
            for i in 0..<n { trial[i] = -gain * (q[i] - rest[i]) }
        case .limits:
            guard let limits else { return }
            for i in 0..<n {
                let mid = 0.5 * (limits[i].lower + limits[i].upper)
                let range = max(limits[i].upper - limits[i].lower, 1e-9)
                trial[i] = -gain * (q[i] - mid) / (range * range)
            }
        case .manipulability:
            let g = ManipulabilityGradient.compute(arm: arm, q: Array(q), task: task)
            for i in 0..<n { trial[i] = gain * g[i] }
        }
        // Project: z − J⁺ J z with J⁺ = Jᵀ (J Jᵀ + λ² I)⁻¹.
        var jz = SIMD3<Double>()
        for r in 0..<rows { for c in 0..<n { jz[r] += jacobian[r * n + c] * trial[c] } }
        guard let w = gram.solve(shift: max(lambda * lambda, 1e-12), jz) else { return }
        for c in 0..<n {
            var s = jacobian[c] * w[0] + jacobian[n + c] * w[1]
            if rows == 3 { s += jacobian[2 * n + c] * w[2] }
            step[c] += trial[c] - s
        }
    }

    /// One step along the most negative curvature of ½‖e‖², with a backtracking line search on its length.
    /// Returns false when there is no negative curvature (a true minimum: nothing to escape).
    private func escapeSaddle(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> Bool {
        let current = Array(q)
        let objective = ErrorObjective(arm: arm, target: target, task: task, reference: current)
        let h = hessian(objective, at: current)
        let (value, direction) = SymmetricEigen.smallest(h)
        var scale = 0.0
        for i in 0..<h.rows { for j in 0..<h.columns { scale = max(scale, abs(h[i, j])) } }
        guard value < -1e-9 * max(scale, 1e-300) else { return false }
        let f0: Double = objective(current)
        var alpha = config.maxStep
        for _ in 0..<12 {
            for sign in [1.0, -1.0] {
                for i in 0..<n { trial[i] = current[i] + sign * alpha * direction[i] }
                if let limits { for i in 0..<n { trial[i] = limits[i].clamp(trial[i]) } }
                let f: Double = objective(Array(trial))
                if f < f0 {
                    for i in 0..<n { q[i] = trial[i] }
                    return true
                }
            }
            alpha *= 0.5
        }
        return false
    }
}
