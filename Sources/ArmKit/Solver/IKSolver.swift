/// An inverse-kinematics solver: moves q toward the target in place, warm-started from the q it is given.
/// Implementations keep their scratch buffers, so a solve allocates nothing in the steady state.
public protocol IKSolver: AnyObject {
    var arm: PlanarArm { get }
    var task: IKTask { get }
    func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D) -> SolveReport
    /// The same solve, handing every iteration to `trace` as it ends (for a per-iteration report).
    func solve(_ q: UnsafeMutableBufferPointer<Double>, target: Pose2D, trace: (SolveIteration) -> Void) -> SolveReport
}

extension IKSolver {
    /// Convenience for tests and one-off use.
    public func solve(_ q: inout [Double], target: Pose2D) -> SolveReport {
        q.withUnsafeMutableBufferPointer { solve($0, target: target) }
    }

    /// Convenience for tests and one-off use, with a per-iteration trace.
    public func solve(_ q: inout [Double], target: Pose2D, trace: (SolveIteration) -> Void) -> SolveReport {
        q.withUnsafeMutableBufferPointer { solve($0, target: target, trace: trace) }
    }
}

/// The solver a scenario's settings ask for.
public func makeSolver(arm: PlanarArm, task: IKTask, config: SolverConfig, rest: [Double]? = nil) -> any IKSolver {
    JacobianIKSolver(arm: arm, task: task, config: config, rest: rest ?? [Double](repeating: 0, count: arm.jointCount))
}
