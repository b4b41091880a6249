import ArmKit

/// What `inspect` was asked for besides q (and, per query, a target): the arm and the optional parts.
struct InspectSettings {
    var arm: PlanarArm
    var task: IKTask
    /// Whether the task came from --task or a scenario (then a target must match it) or is only the default.
    var taskGiven: Bool
    var threshold: Double
    var mode: JacobianMode = .forward
    var check = false
    var hvp: [Double]?
    var qdot: [Double]?
    var tipVelocity: [Double]?
    /// λ_max of the DLS joint velocity (the solver's damping).
    var damping = SolverConfig().damping

    /// The second-order view's eigen-decomposition and nested Hessians grow as n³: beyond this many links
    /// `--target` is refused rather than run for minutes.
    static let maxAnalysedLinks = 128
}

extension InspectSettings {
    /// Sizes that depend on the task (fixed only once a target is known) and the link cap of the second-order view.
    func checkVectorSizes(hasTarget: Bool) throws(CommandFailure) {
        if let v = tipVelocity, v.count != task.dimension {
            let need = task == .pose ? "vx,vy,ω for the pose task" : "vx,vy for the position task"
            throw CommandFailure(message: "--tip-velocity: expected \(need), got \(v.count) values", exitCode: ExitCode32.usage)
        }
        if hasTarget, arm.jointCount > Self.maxAnalysedLinks {
            throw CommandFailure(message: "--target: the second-order view handles at most \(Self.maxAnalysedLinks) links (its eigen-decomposition is O(n³)), got \(arm.jointCount)", exitCode: ExitCode32.usage)
        }
        if !hasTarget, check || hvp != nil {
            throw CommandFailure(message: "\(check ? "check" : "hvp"): needs a target", exitCode: ExitCode32.usage)
        }
    }
}
