/// A repeated option is an error (ArgumentParser would silently keep the last value): `--format csv
/// --format jsonl` is refused naming `--format`. Options taking several values would be listed in
/// `repeatable`; there are none today. Arguments after a bare `--` are not options.
enum RepeatedOptions {
    static let repeatable: Set<String> = []

    static func check(_ arguments: [String]) throws(CommandFailure) {
        var seen: Set<String> = []
        for argument in arguments {
            if argument == "--" { return }
            guard argument.hasPrefix("--"), argument.count > 2 else { continue }
            let name = String(argument.prefix { $0 != "=" })
            if !seen.insert(name).inserted && !repeatable.contains(name) {
                throw CommandFailure(message: "\(name): given more than once (give each option once)", exitCode: ExitCode32.usage)
            }
        }
    }
}
