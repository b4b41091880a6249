import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

struct PlotCommand: Subcommand {
    static let spec = CommandSpec(
        name: "plot",
        abstract: "Plot a headless run's trajectory (CSV or JSON Lines) as stacked time-series panels in a PNG.",
        discussion: """
        Panels share the time axis: the joint angles q_i; the tracking error on a log scale with the tolerance; σ_min with the singular threshold ε; the damping λ with the iteration count on a right-hand axis; and a status band coloured as the window colours the arm (converged teal, unreachable red, limited violet, stalled grey, failed dark red). Singular intervals are shaded across the panels: amber at the boundary, magenta in the interior.

        The file is streamed: each pixel column keeps the min–max envelope of its rows, so a 10-million-row file plots in bounded memory and no spike is dropped. Only files that `armsim run --headless` writes are accepted.

        The tolerance and ε come from --scenario FILE when given; otherwise the README default tolerance (1e-6) and an ε inferred from the file's own singular flags; the legend says which.

        Examples:
          armsim run scenarios/circle.json --headless --output run.csv
          armsim plot run.csv --output run.png --scenario scenarios/circle.json
          armsim plot run.jsonl --output run.png --columns q,error,status --size 640x400
        """,
        positional: PositionalSpec(valueName: "RUN", help: "The trajectory file (CSV or JSON Lines from run --headless).", arity: .one),
        options: [
            .value("--output", "FILE", "The PNG file to write."),
            .value("--size", "WxH", "Image size in pixels.", default: "1280x800"),
            .value("--columns", "LIST", "Panels to draw, comma-separated: q, error, sigma-min, damping, status (default all)."),
            .value("--scenario", "FILE", "The scenario the run came from: its tolerance and ε are drawn."),
        ]
    )

    let input: String
    let output: String
    let size: String
    let columns: String?
    let scenario: String?

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        input = arguments.positionals[0]
        output = try arguments.required("--output")
        size = arguments.string("--size") ?? "1280x800"
        columns = arguments.string("--columns")
        scenario = arguments.string("--scenario")
    }

    func run() throws {
        try DrawingHost.require()
        let imageSize = try SizeOption.parse(size); let (width, height) = (imageSize.width, imageSize.height)
        let panels = try PlotPanelOption.parse(columns)
        try PlotPaths.checkDistinct(input: input, output: output)
        let loaded = try scenario.map { (path: String) throws(CommandFailure) in try ScenarioInput.load(path) }
        let bytes = try PlotRunPicture.fromFile(input, scenario: loaded, panels: panels, width: width, height: height)
        try PlotOutputFile.write(bytes, to: output)
        Diagnostics.info("wrote \(output) (\(width)x\(height))")
    }
}
