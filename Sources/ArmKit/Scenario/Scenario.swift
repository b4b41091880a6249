/// A validated scenario: an arm, a task, a moving target, solver and simulation settings.
public struct Scenario: Sendable {
    public var name: String
    public var arm: PlanarArm
    /// Initial joint angles, radians (one per link).
    public var initial: [Double]
    public var task: IKTask
    public var path: any TargetPath
    public var solver: SolverConfig
    public var simulation: SimulationConfig

    public init(name: String, arm: PlanarArm, initial: [Double], task: IKTask, path: any TargetPath,
                solver: SolverConfig, simulation: SimulationConfig) {
        self.name = name; self.arm = arm; self.initial = initial; self.task = task; self.path = path
        self.solver = solver; self.simulation = simulation
    }
}
