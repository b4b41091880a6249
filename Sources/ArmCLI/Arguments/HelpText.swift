/// The `--help` page of a subcommand or of armsim itself, drawn from the specs and wrapped to 80 columns:
/// overview, discussion (its indented lines, the examples, kept as written), usage, arguments and options.
enum HelpText {
    static let width = 80
    static let labelWidth = 24

    static func command(_ spec: CommandSpec) -> String {
        var out = header(spec.abstract, spec.discussion)
        out += "USAGE: " + usage(spec) + "\n\n"
        if let positional = spec.positional {
            out += "ARGUMENTS:\n" + entry("<\(positional.valueName)>", positional.help) + "\n"
        }
        out += "OPTIONS:\n"
        for option in spec.options { out += entry(label(option), describe(option)) }
        out += entry("-h, --help", "Show help information.")
        return out
    }

    static func root(abstract: String, discussion: String, commands: [CommandSpec]) -> String {
        var out = header(abstract, discussion)
        out += "USAGE: armsim <subcommand>\n\nOPTIONS:\n"
        out += entry("--version", "Show the version.") + entry("-h, --help", "Show help information.") + "\n"
        out += "SUBCOMMANDS:\n"
        for command in commands { out += entry(command.name, command.abstract) }
        return out + "\n  See 'armsim help <subcommand>' for detailed help.\n"
    }

    static func usage(_ spec: CommandSpec) -> String {
        var words = ["armsim", spec.name]
        if !spec.options.isEmpty { words.append("[<options>]") }
        if let positional = spec.positional {
            switch positional.arity {
            case .optional: words.append("[<\(positional.valueName)>]")
            case .one: words.append("<\(positional.valueName)>")
            case .oneOrMore: words.append("<\(positional.valueName)> ...")
            }
        }
        return words.joined(separator: " ")
    }

    private static func header(_ abstract: String, _ discussion: String) -> String {
        var out = wrap("OVERVIEW: " + abstract, indent: 0) + "\n"
        if !discussion.isEmpty {
            for line in discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.first == " " || line.isEmpty ? line + "\n" : wrap(String(line), indent: 0)
            }
            out += "\n"
        }
        return out
    }

    private static func label(_ option: OptionSpec) -> String {
        option.valueName.map { "\(option.name) <\($0)>" } ?? option.name
    }

    private static func describe(_ option: OptionSpec) -> String {
        var text = option.help
        if !option.choices.isEmpty { text += " (values: " + option.choices.joined(separator: ", ") + ")" }
        if let value = option.defaultValue { text += " (default: \(value))" }
        return text
    }

    /// "  label   help…", the help wrapped in its column; a label too long for the column gets a line of its own.
    private static func entry(_ label: String, _ help: String) -> String {
        let head = "  " + label
        let body = wrap(help, indent: labelWidth + 2)
        if head.count < labelWidth + 2 {
            return head + String(body.dropFirst(head.count))
        }
        return head + "\n" + body
    }

    /// Greedy word wrap to `width` columns, every line indented by `indent` spaces; ends with a newline.
    /// Lengths are counted as the words are added (String.count walks the whole string each time).
    static func wrap(_ text: String, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var out = ""
        var line = pad
        var length = indent
        for word in text.split(separator: " ") {
            let wordLength = word.count
            if length > indent && length + 1 + wordLength > width {
                out += line + "\n"
                line = pad
                length = indent
            }
            if length > indent {
                line += " "
                length += 1
            }
            line += word
            length += wordLength
        }
        return out + line + "\n"
    }
}
