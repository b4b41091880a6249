import Foundation
import Testing

/// armsim's own argument scanner, through the binary: both value spellings, negative values, unknown and
/// repeated options, missing values, stray positionals, `--`, and help pages that fit 80 columns.
@Suite struct ArgumentScannerTests {
    static let inspect = ["inspect", "--links", "1,0.8,0.6"]
    static let subcommands = ["run", "validate", "inspect", "solve", "render", "plot", "landscape", "workspace", "bench"]

    @Test func equalsAndSpaceSpellingsAgreeAndNegativeValuesAreValues() throws {
        let spaced = try CLI.run(Self.inspect + ["--q", "-0.5,0.3,-1e-1"])
        let joined = try CLI.run(Self.inspect + ["--q=-0.5,0.3,-1e-1"])
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout == joined.stdout)
        #expect(spaced.stdout.contains("[-0.5, 0.3, -0.1]"))
    }

    @Test(arguments: [
        (["--q", "0,0,0", "--jsn"], "unknown option '--jsn': did you mean '--json'?"),
        (["--q", "0,0,0", "--xyzzy"], "unknown option '--xyzzy'"),
        (["--q"], "--q: missing value <LIST>"),
        (["--q", "--json"], "--q: missing value <LIST>"),
        (["--q", "0,0,0", "--json=yes"], "--json: takes no value"),
        (["--q", "0,0,0", "--json", "--json"], "--json: given more than once"),
        (["--q", "0,0,0", "a.json", "b.json"], "unexpected argument 'b.json'"),
        (["--q", "0,0,0", "--mode", "sideways"], "--mode: 'sideways' is not one of forward, dense, reverse"),
        (["--q", "0,0,0", "--threshold", "0x1p-3"], "--threshold: '0x1p-3' is not a decimal number"),
    ])
    func usageErrorsNameTheOption(extra: [String], message: String) throws {
        let result = try CLI.run(Self.inspect + extra)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("armsim: error: \(message)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func intsAreDecimalIntegers() throws {
        let result = try CLI.run(["run", CLI.scenario("circle.json"), "--headless", "--output-dir", "/tmp/never", "--jobs", "0x2"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs: '0x2' is not an integer"))
    }

    @Test func doubleDashEndsTheOptions() throws {
        let result = try CLI.run(["validate", "--", "--not-an-option.json"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--not-an-option.json"))
        #expect(!result.stderr.contains("unknown option"))
    }

    @Test func helpWithoutAWordIsTheRootHelp() throws {
        let root = try CLI.run(["--help"])
        let help = try CLI.run(["help"])
        let bare = try CLI.run([])
        #expect(root.status == 0 && help.status == 0 && bare.status == 0)
        #expect(root.stdout == help.stdout && root.stdout == bare.stdout)
        for name in Self.subcommands { #expect(root.stdout.contains("\n  \(name) "), "root help lacks \(name)") }
    }

    @Test(arguments: subcommands)
    func everyHelpPageFitsEightyColumns(name: String) throws {
        let viaFlag = try CLI.run([name, "--help"])
        let viaHelp = try CLI.run(["help", name])
        let short = try CLI.run([name, "-h"])
        #expect(viaFlag.status == 0 && viaHelp.status == 0 && short.status == 0)
        #expect(viaFlag.stdout == viaHelp.stdout && viaFlag.stdout == short.stdout)
        #expect(viaFlag.stdout.hasPrefix("OVERVIEW: "))
        #expect(viaFlag.stdout.contains("USAGE: armsim \(name)"))
        #expect(viaFlag.stdout.contains("  -h, --help "))
        for line in viaFlag.stdout.split(separator: "\n") {
            #expect(line.count <= 80, "\(name) --help: '\(line)' is \(line.count) columns")
        }
    }

    @Test func enumeratedOptionsListTheirValues() throws {
        let help = try CLI.run(["run", "--help"]).stdout
        #expect(help.contains("(values: csv, jsonl)"))
        let solve = try CLI.run(["solve", "--help"]).stdout
        #expect(solve.contains("dls") && solve.contains("newton") && solve.contains("gradient"))
    }
}
