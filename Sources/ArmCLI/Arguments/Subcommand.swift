/// A subcommand: its spec, how it reads its parsed arguments, and what it does.
protocol Subcommand: Sendable {
    static var spec: CommandSpec { get }
    init(_ arguments: ParsedArguments) throws(CommandFailure)
    func run() throws
}

extension Subcommand {
    /// Scans `arguments` (those after the subcommand's name) and runs; `--help` prints the help instead.
    static func main(_ arguments: [String]) throws {
        switch try ArgumentScanner(spec: spec).scan(arguments) {
        case .help: print(HelpText.command(spec), terminator: "")
        case .parsed(let parsed): try Self(parsed).run()
        }
    }
}
