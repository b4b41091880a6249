import ArgumentParser
import ArmIO
import ArmKit
import ArmRender
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario: in a window, or --headless with the joint trajectory on stdout.",
        discussion: """
        Headless: CSV (with a header) or JSON Lines, one row per time step, to stdout or --output FILE
        (written atomically: a failed or interrupted run leaves no file). A summary goes to stderr unless --quiet.
        Window: see the README for the keys. Without a reachable display the window is not faked: the
        command exits with status 69 and points to --headless and xvfb-run.
        --record DIR runs without a window and writes every Nth frame as DIR/frame-NNNNNN.png.
        """
    )

    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Flag(help: "No window: stream the trajectory to stdout (or --output).")
    var headless = false

    @Option(help: "Trajectory format: csv or jsonl.")
    var format = "csv"

    @Option(help: "Write the trajectory to FILE (atomically) instead of stdout.")
    var output: String?

    @Option(help: "Override the scenario's duration, seconds.")
    var duration: Double?

    @Flag(help: "No summary or progress on stderr.")
    var quiet = false

    @Option(help: "Write frames as numbered PNGs into DIR (no window).")
    var record: String?

    @Option(help: "With --record: every Nth frame.")
    var every = 1

    @Option(name: .customLong("quit-after"), help: "Window: quit after this many seconds of wall time.")
    var quitAfter: Double?

    @Option(help: "Window: save a PNG of the window just before quitting.")
    var screenshot: String?

    @Option(help: "Window or --record image size WIDTHxHEIGHT.")
    var size = "1280x800"

    @Flag(help: "Window: start paused.")
    var paused = false

    @Option(help: ArgumentHelp("With --headless: also draw the run as a plot PNG (see armsim plot).", valueName: "FILE"))
    var plot: String?

    @Flag(help: "Window or --record: draw the manipulability (velocity) ellipse at the tip (the same as --panels ellipse).")
    var ellipse = false

    @Flag(help: "Headless: append the columns loss, gradient_norm and curvature (an O(n³) Hessian analysis per frame).")
    var curvature = false

    @Flag(help: "Window: start again from the beginning at the end of the run (key L toggles).")
    var loop = false

    @Option(help: ArgumentHelp("Window or --record: panels to show, any of ellipse, charts, landscape (keys E, C and G in the window).", valueName: "LIST"))
    var panels = ""

    func run() throws {
        guard let trajectoryFormat = TrajectoryFormat(rawValue: format) else {
            throw CommandFailure(message: "--format: must be 'csv' or 'jsonl', got '\(format)'", exitCode: ExitCode32.usage)
        }
        guard every >= 1 else { throw CommandFailure(message: "--every: must be >= 1, got \(every)", exitCode: ExitCode32.usage) }
        if output != nil && !headless {
            throw CommandFailure(message: "--output: only with --headless (the trajectory is written in headless mode)", exitCode: ExitCode32.usage)
        }
        if let quitAfter, !(quitAfter > 0 && quitAfter.isFinite) {
            throw CommandFailure(message: "--quit-after: must be > 0 seconds, got \(quitAfter)", exitCode: ExitCode32.usage)
        }
        if plot != nil && !headless { throw CommandFailure(message: "--plot: only with --headless", exitCode: ExitCode32.usage) }
        let (width, height) = try SizeOption.parse(size)
        let loaded = try ScenarioInput.load(scenario, duration: duration)
        var shownPanels: Set<WindowPanel>
        do { shownPanels = try WindowPanel.parseList(panels, option: "--panels") } catch {
            throw CommandFailure(message: error.message, exitCode: ExitCode32.usage)
        }
        if ellipse { shownPanels.insert(.ellipse) }

        if headless || record != nil {
            try HeadlessRun(scenario: loaded, format: trajectoryFormat, writesTrajectory: headless, output: output,
                            quiet: quiet, record: record.map { ($0, every, width, height) }, curvature: curvature,
                            panels: shownPanels).run()
            if let plot { try PlotOutputFile.write(PlotRunPicture.fromScenario(loaded, panels: RunPlotPanel.allCases, width: width, height: height), to: plot) }
            return
        }
        var options = WindowOptions()
        options.width = width
        options.height = height
        options.quitAfter = quitAfter
        options.screenshotPath = screenshot
        options.startPaused = paused
        options.loop = loop
        options.panels = shownPanels
        do {
            try WindowApp.run(scenario: loaded, options: options)
        } catch {
            throw CommandFailure(message: error.description, exitCode: error.kind == .noDisplay ? ExitCode32.noDisplay : ExitCode32.failure)
        }
    }
}
