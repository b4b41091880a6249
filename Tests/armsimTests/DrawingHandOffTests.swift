import Foundation
import Testing

/// `armsim` hands drawing commands to `armsim-draw` beside it by exec: the same arguments, descriptors and
/// exit status. Without armsim-draw only the drawing commands fail, each with one line naming it.
@Suite struct DrawingHandOffTests {
    static var drawExecutable: URL { CLI.executable.deletingLastPathComponent().appendingPathComponent("armsim-draw") }

    /// A directory holding armsim and, if asked, armsim-draw (copies, or a symlink to the build's armsim).
    static func directory(withDraw: Bool, symlink: Bool = false) throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let armsim = dir.appendingPathComponent("armsim")
        if symlink {
            try FileManager.default.createSymbolicLink(at: armsim, withDestinationURL: CLI.executable)
        } else {
            try FileManager.default.copyItem(at: CLI.executable, to: armsim)
            if withDraw { try FileManager.default.copyItem(at: drawExecutable, to: dir.appendingPathComponent("armsim-draw")) }
        }
        return dir
    }

    static func run(_ executable: URL, _ arguments: [String]) throws -> CLIResult {
        try CLI.shell("'\(executable.path)' " + arguments.map { "'\($0)'" }.joined(separator: " "))
    }

    @Test func drawingCommandsFailAloneWithoutArmsimDraw() throws {
        let dir = try Self.directory(withDraw: false)
        defer { try? FileManager.default.removeItem(at: dir) }
        let armsim = dir.appendingPathComponent("armsim")
        let png = dir.appendingPathComponent("x.png").path
        let render = try Self.run(armsim, ["render", CLI.scenario("circle.json"), "--output", png])
        #expect(render.status == 1)
        #expect(render.stderr.split(separator: "\n").count == 1, "\(render.stderr)")
        #expect(render.stderr.hasPrefix("armsim: error: drawing needs '\(dir.path)/armsim-draw'"), "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: png))
        let window = try Self.run(armsim, ["run", CLI.scenario("circle.json"), "--quit-after", "0.1"])
        #expect(window.status == 69 && window.stderr.contains("armsim-draw"), "\(window.stderr)")
        // Headless commands never need it.
        let validate = try Self.run(armsim, ["validate", CLI.scenario("circle.json")])
        let headless = try Self.run(armsim, ["run", CLI.scenario("line.json"), "--headless", "--quiet", "--duration", "0.5"])
        let inspect = try Self.run(armsim, ["inspect", "--links", "1,1", "--q", "0,0"])
        #expect(validate.status == 0 && headless.status == 0 && inspect.status == 0, "\(headless.stderr)")
        #expect(headless.stdout.split(separator: "\n").count == 52)
    }

    @Test func handOffKeepsArgumentsOutputAndExitStatus() throws {
        let dir = try Self.directory(withDraw: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let armsim = dir.appendingPathComponent("armsim")
        let png = dir.appendingPathComponent("x.png").path
        let ok = try Self.run(armsim, ["render", CLI.scenario("circle.json"), "--size", "160x100", "--output", png])
        #expect(ok.status == 0, "\(ok.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        let bad = try Self.run(armsim, ["render", CLI.scenario("circle.json"), "--output", png, "--time", "-1"])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("armsim: error: --time"), "\(bad.stderr)")
    }

    /// A symlink to armsim (e.g. in ~/bin) still finds armsim-draw beside the real file.
    @Test func symlinkedArmsimFindsArmsimDraw() throws {
        let dir = try Self.directory(withDraw: false, symlink: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("y.png").path
        let result = try Self.run(dir.appendingPathComponent("armsim"),
                                  ["render", CLI.scenario("circle.json"), "--size", "160x100", "--output", png])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: png))
    }

    /// A descriptor the caller closed is closed again for armsim-draw: `--plot` with stdout closed still fails
    /// like the headless run without `--plot` ("stdout is closed"), instead of writing to the null device.
    @Test func closedStdoutStaysClosedAcrossTheHandOver() throws {
        let d = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: d) }
        let result = try CLI.shell("\"$ARMSIM\" run \"$SCENARIOS/line.json\" --headless --plot '\(d.path)/p.png' >&-")
        #expect(result.status == 1)
        #expect(result.stderr.contains("stdout is closed"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: d.path + "/p.png"))
    }
}
