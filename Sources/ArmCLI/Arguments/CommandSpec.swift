/// What a subcommand accepts, as data: the scanner checks arguments against it and the help text is drawn from
/// it. No reflection, so parsing costs nothing measurable at start-up (issue 18).
struct CommandSpec: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    let positional: PositionalSpec?
    let options: [OptionSpec]

    init(name: String, abstract: String, discussion: String = "", positional: PositionalSpec? = nil,
         options: [OptionSpec]) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.positional = positional
        self.options = options
    }

    func option(named name: String) -> OptionSpec? {
        options.first { $0.name == name }
    }
}

/// One `--name` option: a flag when `valueName` is nil, otherwise it takes one value.
struct OptionSpec: Sendable {
    let name: String
    let valueName: String?
    let help: String
    /// Shown as "(default: …)" in the help.
    let defaultValue: String?
    /// The accepted values of an enumerated option, shown as "(values: …)" and checked by the accessor.
    let choices: [String]

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help, defaultValue: nil, choices: [])
    }

    static func value(_ name: String, _ valueName: String, _ help: String, default defaultValue: String? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, defaultValue: defaultValue, choices: [])
    }

    static func choice<T: ArgumentChoice>(_ name: String, _ type: T.Type, _ help: String, default defaultValue: T? = nil) -> OptionSpec {
        OptionSpec(name: name, valueName: String(name.dropFirst(2)), help: help, defaultValue: defaultValue?.rawValue,
                   choices: T.allCases.map(\.rawValue))
    }

    var takesValue: Bool { valueName != nil }
}

/// The positional arguments: a name for the help, and how many there may be.
struct PositionalSpec: Sendable {
    enum Arity: Sendable { case optional, one, oneOrMore }
    let valueName: String
    let help: String
    let arity: Arity
}

/// An enumerated option value (`--format csv`): its raw values are the words on the command line.
protocol ArgumentChoice: CaseIterable, Sendable {
    init?(rawValue: String)
    var rawValue: String { get }
}
