import ArmIO
import ArmKit

struct ValidateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "validate",
        abstract: "Check scenario files: 'ok' per valid file, or every problem with its field. Exit 0 only if all are valid.",
        discussion: """
        Prints "FILE: ok" on stdout for each valid file, and each problem of an invalid one on stderr as one line naming the file and the field. Exit status: 0 all valid, 2 any invalid, 64 usage.

        Examples:
          armsim validate scenarios/*.json
          armsim validate my-arm.json 2>&1 | head -1
        """,
        positional: PositionalSpec(valueName: "FILE", help: "Scenario files (JSON).", arity: .oneOrMore),
        options: []
    )

    let scenarios: [String]

    init(_ arguments: ParsedArguments) {
        scenarios = arguments.positionals
    }

    func run() throws {
        var invalid = 0
        for path in scenarios {
            do {
                _ = try ScenarioLoader.load(path: path)
                print("\(path): ok")
            } catch {
                invalid += 1
                for problem in error.problems { Diagnostics.write(problem.description + "\n") }
            }
        }
        if invalid > 0 {
            throw CommandFailure(message: "\(invalid) of \(scenarios.count) scenario file(s) invalid", exitCode: ExitCode32.invalidScenario)
        }
    }
}
