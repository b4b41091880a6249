import ArgumentParser

struct Armsim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "armsim",
        abstract: "A planar robot-arm kinematics simulator: AD Jacobians, damped-least-squares IK through singularities.",
        subcommands: [RunCommand.self, ValidateCommand.self, InspectCommand.self, SolveCommand.self, RenderCommand.self,
                      PlotCommand.self, LandscapeCommand.self, WorkspaceCommand.self, BenchCommand.self]
    )
}
