import ArgumentParser
import ArmKit
import ArmRender

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the scene at one simulated time into a PNG, with no display needed.",
        discussion: "The picture shows the arm at time T with the tip's trail up to T (default: the end of the run)."
    )

    @Argument(help: "The scenario file.")
    var scenario: String

    @Option(help: "The PNG file to write.")
    var output: String

    @Option(help: "Simulated time in seconds (default: the scenario's duration).")
    var time: Double?

    @Option(help: "Image size WIDTHxHEIGHT in pixels.")
    var size = "1280x800"

    @Flag(help: "Draw the manipulability (velocity) ellipse of J Jᵀ at the tip (the same as --panels ellipse).")
    var ellipse = false

    @Option(help: ArgumentHelp("Panels to draw: ellipse (the velocity ellipse at the tip), charts (strip charts of the last 5 s), landscape (L over two joints).", valueName: "LIST"))
    var panels = ""

    func run() throws {
        let (width, height) = try SizeOption.parse(size)
        var shown: Set<WindowPanel>
        do { shown = try WindowPanel.parseList(panels, option: "--panels") } catch {
            throw CommandFailure(message: error.message, exitCode: ExitCode32.usage)
        }
        if ellipse { shown.insert(.ellipse) }
        let loaded = try ScenarioInput.load(scenario)
        let t = time ?? loaded.simulation.duration
        guard t.isFinite, t >= 0, t <= loaded.simulation.duration + 1e-9 else {
            throw CommandFailure(message: "--time: must be within 0…\(loaded.simulation.duration) s (the scenario's duration), got \(t)", exitCode: ExitCode32.usage)
        }
        do {
            try OffscreenRenderer.renderPNG(scenario: loaded, time: t, width: width, height: height, path: output, panels: shown)
        } catch {
            throw CommandFailure(message: error.description)
        }
        Diagnostics.info("wrote \(output) (\(width)x\(height), t = \(t) s)")
    }
}
