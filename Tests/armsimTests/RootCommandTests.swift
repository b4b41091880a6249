import Foundation
import Testing

/// The root command line: subcommand typos get a suggestion, `help UNKNOWN` fails, `--version` answers.
@Suite struct RootCommandTests {
    @Test(arguments: [("rn", "run"), ("rnu", "run"), ("valdate", "validate"), ("inspec", "inspect"),
                      ("rendr", "render"), ("bnch", "bench")])
    func typoSuggestsTheSubcommand(typo: String, meant: String) throws {
        let result = try CLI.run([typo, "scenarios/circle.json"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "armsim: error: unknown subcommand '\(typo)': did you mean '\(meant)'? (see 'armsim --help')\n")
    }

    @Test func farOffWordListsTheSubcommands() throws {
        let result = try CLI.run(["xyzzy"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown subcommand 'xyzzy' (subcommands: run, validate, inspect, solve, render, plot, landscape, workspace, bench"))
        #expect(!result.stderr.contains("did you mean"))
    }

    @Test func helpForAnUnknownSubcommandIsAnError() throws {
        let result = try CLI.run(["help", "rn"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("help: no subcommand 'rn': did you mean 'run'?"))
        let known = try CLI.run(["help", "run"])
        #expect(known.status == 0)
        #expect(known.stdout.contains("USAGE: armsim run"))
    }

    @Test func versionPrintsOneLine() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!line.isEmpty && !line.contains("\n"))
        #expect(line.split(separator: ".").count == 3, "a semantic version, got '\(line)'")
    }

    @Test func rootHelpHasExamples() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Examples:"))
        #expect(result.stdout.contains("armsim run scenarios/circle.json"))
        #expect(result.stdout.contains("--version"))
    }

    @Test func optionsBeforeASubcommandAreLeftToTheParser() throws {
        let result = try CLI.run(["--bogus"])
        #expect(result.status == 64)
        #expect(!result.stderr.contains("unknown subcommand"))
    }
}
