import ArgumentParser

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
        if let guess = closestName(to: word, in: names.filter { $0 != "help" }) {
            return "\(head): did you mean '\(guess)'? (see 'armsim --help')"
        }
        return "\(head) (subcommands: \(names.filter { $0 != "help" }.joined(separator: ", ")))"
    }

    /// The candidate nearest to `word` by edit distance, if near enough to be a typo (one edit for words of up
    /// to four letters, a third of the length beyond), or the only candidate `word` abbreviates.
    static func closestName(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        guard !w.isEmpty, w.count <= 64 else { return nil }
        let limit = w.count <= 4 ? 1 : max(2, w.count / 3)
        let scored = candidates.map { ($0, editDistance(w, Array($0.lowercased()))) }.filter { $0.1 <= limit }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        let prefixed = candidates.filter { $0.lowercased().hasPrefix(word.lowercased()) }
        return w.count >= 2 && prefixed.count == 1 ? prefixed[0] : nil
    }

    /// Optimal-string-alignment distance (a swap of neighbours counts as one edit: "rnu" → "run").
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
