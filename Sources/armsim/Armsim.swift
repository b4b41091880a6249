import ArgumentParser
import ArmIO

struct Armsim: ParsableCommand {
    /// Shown by `armsim --version`.
    static let version = "0.2.0"

    static let configuration = CommandConfiguration(
        commandName: "armsim",
        abstract: "A planar robot-arm kinematics simulator: inverse kinematics through singularities, in a window or headless.",
        discussion: """
        A scenario file (JSON) describes an arm, a moving target and the solver; armsim plays it in a window, streams the joint trajectory, or draws pictures of it. The files in scenarios/ each show one behaviour (scenarios/README.md says what to watch for).

        Examples:
          armsim run scenarios/circle.json
          armsim run scenarios/full-extension.json --headless --output traj.csv
          armsim inspect --links 1,0.8,0.6 --q 0,0,0
        """,
        version: version,
        subcommands: [RunCommand.self, ValidateCommand.self, InspectCommand.self, SolveCommand.self, RenderCommand.self,
                      PlotCommand.self, LandscapeCommand.self, WorkspaceCommand.self, BenchCommand.self]
    )
}

extension Armsim {
    /// The names a first argument may take: every subcommand and the built-in `help`.
    static var subcommandNames: [String] {
        configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// Checks the subcommand name (and `help NAME`) before ArgumentParser sees the arguments, which would
    /// report "unexpected argument" for a typo and print the main help with exit 0 for `help foo`.
    static func preflight(_ arguments: [String]) throws(CommandFailure) {
        guard let first = arguments.first, !first.hasPrefix("-") else { return }
        let names = subcommandNames
        guard names.contains(first) else {
            throw CommandFailure(message: unknownMessage("unknown subcommand '\(first)'", first, names),
                                 exitCode: ExitCode32.usage)
        }
        if first == "help", arguments.count > 1, !arguments[1].hasPrefix("-"), !names.contains(arguments[1]) {
            throw CommandFailure(message: unknownMessage("help: no subcommand '\(arguments[1])'", arguments[1], names),
                                 exitCode: ExitCode32.usage)
        }
    }

    private static func unknownMessage(_ head: String, _ word: String, _ names: [String]) -> String {
        if let guess = NameSuggestion.closest(to: word, in: names.filter { $0 != "help" }) {
            return "\(head): did you mean '\(guess)'? (see 'armsim --help')"
        }
        return "\(head) (subcommands: \(names.filter { $0 != "help" }.joined(separator: ", ")))"
    }
}
