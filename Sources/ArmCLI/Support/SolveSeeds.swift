import ArmKit

/// Random restarts: attempt 0 starts at q0, the others at angles drawn uniformly from each joint's limits
/// (or [−π, π]) by SplitMix64 from the seed, so a run is reproducible.
struct SolveSeeds {
    let problem: SolveProblem
    let count: Int
    let seed: UInt64

    func run(method: SolverMethod) -> [SolveOutcome] {
        var rng = SplitMix64(seed: seed)
        let limits = problem.arm.limits
        return (0..<count).map { attempt in
            guard attempt > 0 else { return problem.solve(method: method) }
            let start = (0..<problem.arm.jointCount).map { i in
                Double.random(in: (limits?[i].lower ?? -.pi)...(limits?[i].upper ?? .pi), using: &rng)
            }
            return problem.solve(method: method, from: start)
        }
    }

    /// The first converged attempt, else the one with the smallest error.
    static func best(_ attempts: [SolveOutcome]) -> SolveOutcome {
        attempts.first(where: \.solved) ?? attempts.min { $0.report.error < $1.report.error }!
    }
}
