import ArmIO

/// Reads a subcommand's arguments against its `CommandSpec`. `--name value` and `--name=value` both work, and a
/// value may start with '-' (`--q -0.5,0.3`); a value that starts with `--` is taken for a missing value. Each
/// option may be given once; after a bare `--` every argument is positional. `-h`/`--help` asks for the help.
struct ArgumentScanner {
    enum Outcome { case parsed(ParsedArguments), help }

    let spec: CommandSpec

    func scan(_ arguments: [String]) throws(CommandFailure) -> Outcome {
        var parsed = ParsedArguments()
        var i = 0
        var optionsEnded = false
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            if optionsEnded || !isOption(argument) {
                parsed.positionals.append(argument)
            } else if argument == "--" {
                optionsEnded = true
            } else if argument == "-h" || argument == "--help" {
                return .help
            } else {
                try take(argument, from: arguments, at: &i, into: &parsed)
            }
        }
        try checkPositionals(parsed.positionals)
        return .parsed(parsed)
    }

    /// `-` alone is a file name (standard input or output by convention), and so is anything not starting with '-'.
    private func isOption(_ argument: String) -> Bool {
        argument.utf8.first == UInt8(ascii: "-") && argument.utf8.count > 1
    }

    private func take(_ argument: String, from arguments: [String], at i: inout Int,
                      into parsed: inout ParsedArguments) throws(CommandFailure) {
        let equals = argument.firstIndex(of: "=")
        let name = equals.map { String(argument[..<$0]) } ?? argument
        guard let option = spec.option(named: name) else { throw unknown(name) }
        guard parsed.values[name] == nil && !parsed.flags.contains(name) else {
            throw usage("\(name): given more than once (give each option once)")
        }
        guard option.takesValue else {
            if equals != nil { throw usage("\(name): takes no value") }
            parsed.flags.insert(name)
            return
        }
        if let equals {
            parsed.values[name] = String(argument[argument.index(after: equals)...])
        } else if i < arguments.count, !arguments[i].hasPrefix("--") {
            parsed.values[name] = arguments[i]
            i += 1
        } else {
            throw usage("\(name): missing value <\(option.valueName ?? "VALUE")>")
        }
    }

    private func checkPositionals(_ given: [String]) throws(CommandFailure) {
        guard let positional = spec.positional else {
            if let first = given.first { throw usage("unexpected argument '\(first)'") }
            return
        }
        switch positional.arity {
        case .optional where given.count > 1, .one where given.count > 1:
            throw usage("unexpected argument '\(given[1])' (one <\(positional.valueName)> only)")
        case .one where given.isEmpty, .oneOrMore where given.isEmpty:
            throw usage("missing <\(positional.valueName)>")
        default:
            return
        }
    }

    private func unknown(_ name: String) -> CommandFailure {
        let names = spec.options.map(\.name) + ["--help"]
        if let guess = NameSuggestion.closest(to: name, in: names) {
            return usage("unknown option '\(name)': did you mean '\(guess)'?")
        }
        return usage("unknown option '\(name)'")
    }

    private func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message + " (see 'armsim help \(spec.name)')", exitCode: ExitCode32.usage)
    }
}
