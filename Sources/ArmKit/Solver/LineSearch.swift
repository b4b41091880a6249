/// Backtracking on the step just taken. Far from the target a clamped step can overshoot (and two overshoots
/// can cycle forever); the step is a descent direction of ½‖e‖², so halving it finds a lower error. With limits
/// the search follows the projected arc clamp(q + α·Δq), as the step itself did.
enum LineSearch {
    /// How often a step that raised the error is halved before the search gives up on it.
    static let maxHalvings = 10

    enum Outcome: Equatable {
        /// The error dropped by a meaningful fraction: iterate on.
        case descended
        /// The error dropped by less than 1e-14 of itself (pinned at limits, or at a minimum).
        case noProgress
        /// No halving lowered the error: q is back where the iteration started.
        case noDescent
    }

    /// Starting from q = backup + Δq (clamped) evaluated in `objective`, halves α until its loss (‖e‖²) is at most
    /// `before` − α·`slope` (Armijo's sufficient decrease; `slope` 0 asks only for a decrease). Every candidate is
    /// evaluated by `objective`, which also keeps what the caller needs (tip, J). Returns the outcome and the α kept.
    @inline(__always)
    static func backtrack<Objective: LineSearchObjective>(
        _ q: UnsafeMutableBufferPointer<Double>, from backup: UnsafeMutableBufferPointer<Double>,
        along step: UnsafeMutableBufferPointer<Double>, activeSet: JointLimitActiveSet?, before: Double, slope: Double = 0,
        objective: inout Objective
    ) -> (outcome: Outcome, alpha: Double) {
        let n = q.count
        var halvings = 0
        var alpha = 1.0
        while objective.loss > (slope == 0 ? before : before - alpha * slope) && halvings < maxHalvings {
            alpha *= 0.5
            for i in 0..<n { q[i] = backup[i] + alpha * step[i] }
            activeSet?.clamp(q)
            objective.evaluate(at: q)
            halvings += 1
        }
        if objective.loss > before {
            for i in 0..<n { q[i] = backup[i] }
            objective.evaluate(at: q)
            return (.noDescent, 0)
        }
        return (before - objective.loss <= 1e-14 * before ? .noProgress : .descended, alpha)
    }
}

/// What the line search evaluates: a loss at q, re-evaluated in place (a protocol, not a closure, so the search
/// is specialised and inlined into the solve loop).
protocol LineSearchObjective {
    var loss: Double { get }
    mutating func evaluate(at q: UnsafeMutableBufferPointer<Double>)
}
