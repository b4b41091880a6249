import ArgumentParser
import ArmIO
import ArmKit

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files: 'ok' per valid file, or every problem with its field. Exit 0 only if all are valid."
    )

    @Argument(help: "Scenario files.")
    var scenarios: [String]

    func validate() throws {
        if scenarios.isEmpty { throw ValidationError("give at least one scenario file") }
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
