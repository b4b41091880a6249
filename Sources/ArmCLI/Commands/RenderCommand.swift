import ArmKit
import ArmRender

struct RenderCommand: Subcommand {
    static let spec = CommandSpec(
        name: "render",
        abstract: "Draw the scene at one simulated time into a PNG or JPEG, with no display needed.",
        discussion: """
        The picture shows the arm at time T with the tip's trail up to T (default: the end of the run). The format follows the extension of FILE: .png, or .jpg/.jpeg. A regular FILE is replaced atomically; a device, FIFO or symbolic link is written through. Exit status: 0 success, 1 output failure, 2 invalid scenario, 64 usage.

        Examples:
          armsim render scenarios/circle.json --output circle.png
          armsim render scenarios/pose.json --output pose.jpg --time 2.5 --size 640x400
        """,
        positional: PositionalSpec(valueName: "FILE", help: "The scenario file (JSON).", arity: .one),
        options: [
            .value("--output", "FILE", "The picture to write (.png, .jpg or .jpeg)."),
            .value("--time", "SECONDS", "Simulated time, within the scenario's duration (default: its end)."),
            .value("--size", "WxH", "Image size, 64…8192 each way (default: 1280x800)."),
            .flag("--ellipse", "Draw the manipulability (velocity) ellipse of J Jᵀ at the tip (the same as --panels ellipse)."),
            .value("--panels", "LIST", "Panels to draw: ellipse (the velocity ellipse at the tip), charts (strip charts of the last 5 s), landscape (L over two joints)."),
        ]
    )

    let scenario: String
    let output: String
    let time: Double?
    let size: String?
    let ellipse: Bool
    let panels: String

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        scenario = arguments.positionals[0]
        output = try arguments.required("--output")
        time = try arguments.decimal("--time")
        size = arguments.string("--size")
        ellipse = arguments.flag("--ellipse")
        panels = arguments.string("--panels") ?? ""
    }

    func run() throws {
        try DrawingHost.require()
        let imageSize = try size.map { try SizeOption.parse($0) } ?? .standard
        try SameFile.check(input: scenario, output: output, option: "--output")
        try PictureFormat.check(output, option: "--output")
        let shown = try PanelOption.panels(panels, ellipse: ellipse)
        let loaded = try ScenarioInput.load(scenario)
        let t = time ?? loaded.simulation.duration
        do {
            _ = try RenderTime.frameIndex(time: t, simulation: loaded.simulation)
        } catch {
            throw CommandFailure(message: "--time: \(error.message)", exitCode: ExitCode32.usage)
        }
        SignalHandling.announce(outputDescription: "nothing was written to '\(output)'")
        do {
            try OffscreenRenderer.render(scenario: loaded, time: t, size: imageSize, to: output, panels: shown, sink: FileImageSink())
        } catch {
            throw CommandFailure(message: error.description)
        }
        SignalHandling.announce(outputDescription: nil)
        Diagnostics.info("wrote \(output) (\(imageSize), t = \(t) s)")
    }
}
