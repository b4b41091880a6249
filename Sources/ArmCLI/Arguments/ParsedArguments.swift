/// The arguments of one subcommand after scanning: raw option values, flags given and positionals. The typed
/// accessors turn a value that does not parse into a usage error naming the option.
struct ParsedArguments: Sendable {
    var values: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func flag(_ name: String) -> Bool { flags.contains(name) }

    /// Every option given, flags and valued ones.
    var given: Set<String> { flags.union(values.keys) }

    func string(_ name: String) -> String? { values[name] }

    func int(_ name: String) throws(CommandFailure) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text) else { throw Self.bad(name, text, "an integer") }
        return value
    }

    func uint64(_ name: String) throws(CommandFailure) -> UInt64? {
        guard let text = values[name] else { return nil }
        guard let value = UInt64(text) else { throw Self.bad(name, text, "a non-negative integer") }
        return value
    }

    /// A decimal number (no hexadecimal, nan or infinity; see `DecimalNumber`).
    func decimal(_ name: String) throws(CommandFailure) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = DecimalNumber.parse(text) else { throw Self.bad(name, text, "a decimal number") }
        return value
    }

    func choice<T: ArgumentChoice>(_ name: String, _ type: T.Type = T.self) throws(CommandFailure) -> T? {
        guard let text = values[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw Self.bad(name, text, "one of " + T.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }

    private static func bad(_ name: String, _ text: String, _ wanted: String) -> CommandFailure {
        CommandFailure(message: "\(name): '\(text)' is not \(wanted)", exitCode: ExitCode32.usage)
    }
}

extension ParsedArguments {
    /// The value of an option the command cannot do without.
    func required(_ name: String) throws(CommandFailure) -> String {
        guard let value = values[name] else {
            throw CommandFailure(message: "\(name): required", exitCode: ExitCode32.usage)
        }
        return value
    }
}
