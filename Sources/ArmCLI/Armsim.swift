import ArmIO

/// armsim's root: the subcommands, `--help`, `--version` and `help [SUBCOMMAND]`.
enum Armsim {
    /// Shown by `armsim --version`.
    static let version = "0.2.0"

    static let abstract = "A planar robot-arm kinematics simulator: inverse kinematics through singularities, in a window or headless."

    static let discussion = """
        A scenario file (JSON) describes an arm, a moving target and the solver; armsim plays it in a window, streams the joint trajectory, or draws pictures of it. The files in scenarios/ each show one behaviour (scenarios/README.md says what to watch for).

        Examples:
          armsim run scenarios/circle.json
          armsim run scenarios/full-extension.json --headless --output traj.csv
          armsim inspect --links 1,0.8,0.6 --q 0,0,0
        """

    static let subcommands: [any Subcommand.Type] = [
        RunCommand.self, ValidateCommand.self, InspectCommand.self, SolveCommand.self, RenderCommand.self,
        PlotCommand.self, LandscapeCommand.self, WorkspaceCommand.self, BenchCommand.self,
    ]

    static func main(_ arguments: [String]) throws {
        guard let first = arguments.first else { return printHelp() }
        if let command = subcommands.first(where: { $0.spec.name == first }) {
            return try command.main(Array(arguments.dropFirst()))
        }
        switch first {
        case "-h", "--help": printHelp()
        case "--version": print(version)
        case "help": try help(Array(arguments.dropFirst()))
        default: throw unknown(first)
        }
    }

    private static func help(_ words: [String]) throws(CommandFailure) {
        guard let name = words.first else { return printHelp() }
        guard let command = subcommands.first(where: { $0.spec.name == name }) else {
            throw usage("help: no subcommand '\(name)'", name)
        }
        print(HelpText.command(command.spec), terminator: "")
    }

    private static func printHelp() {
        print(HelpText.root(abstract: abstract, discussion: discussion, commands: subcommands.map { $0.spec }),
              terminator: "")
    }

    private static func unknown(_ word: String) -> CommandFailure {
        if word.hasPrefix("-") {
            return CommandFailure(message: "unknown option '\(word)' (see 'armsim --help')", exitCode: ExitCode32.usage)
        }
        return usage("unknown subcommand '\(word)'", word)
    }

    private static func usage(_ head: String, _ word: String) -> CommandFailure {
        let names = subcommands.map { $0.spec.name }
        let message = NameSuggestion.closest(to: word, in: names).map { "\(head): did you mean '\($0)'? (see 'armsim --help')" }
            ?? "\(head) (subcommands: \(names.joined(separator: ", ")))"
        return CommandFailure(message: message, exitCode: ExitCode32.usage)
    }
}
