import ArgumentParser
import ArmIO
import ArmKit
import ArmRender

extension TrajectoryFormat: ExpressibleByArgument {}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario: in a window, or --headless with the joint trajectory on stdout.",
        discussion: """
        Headless: CSV (with a header) or JSON Lines, one row per time step, to stdout or to --output FILE. A regular FILE is written atomically (a failed or interrupted run leaves no file); a device, FIFO or symbolic link is written through. A summary goes to stderr unless --quiet.

        Window: see the README for the keys. Without a reachable display the window is not faked: the command exits with status 69 and points to --headless and xvfb-run.

        --record DIR runs without a window and writes every Nth frame as DIR/frame-NNNNNN.png. DIR must be new or empty; with --overwrite the old frame-*.png files are removed first and other files are kept.

        Flags belong to a mode (window: --size, --quit-after, --screenshot, --paused, --loop, --panels, --ellipse; --headless: --format, --output, --plot (sized by --size), --curvature, --output-dir, --jobs; --record: --every, --size, --overwrite, --panels, --ellipse); any other combination is refused. Exit status: 0 success, 1 run or output failure, 2 invalid scenario, 64 usage, 69 no display, 128+N ended by signal N.

        Examples:
          armsim run scenarios/circle.json --headless --output circle.csv
          armsim run scenarios/figure8.json --record frames --every 5 --size 640x400
          armsim run scenarios/full-extension.json --headless --output traj.csv --plot traj.png
          armsim run scenarios/*.json --headless --output-dir runs --jobs 2
        """
    )

    @Argument(help: ArgumentHelp("The scenario file (JSON); several with --headless --output-dir.", valueName: "FILE"))
    var scenarios: [String]

    @Option(name: .customLong("output-dir"), help: ArgumentHelp(
        "With --headless: write each scenario's trajectory to DIR/NAME.csv (or .jsonl), atomically, several at once.",
        valueName: "DIR"))
    var outputDirectory: String?

    @Option(help: ArgumentHelp("With --output-dir: scenarios run at once (default: the number of cores).", valueName: "N"))
    var jobs: Int?

    @Flag(help: "No window: stream the trajectory to stdout (or --output).")
    var headless = false

    @Option(help: ArgumentHelp("Trajectory format (default: csv).", valueName: "FORMAT"))
    var format: TrajectoryFormat?

    @Option(help: ArgumentHelp("Write the trajectory to FILE instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Override the scenario's duration (> 0).", valueName: "SECONDS"))
    var duration: DecimalNumber?

    @Flag(help: "No summary or progress on stderr.")
    var quiet = false

    @Option(help: ArgumentHelp("Write frames as numbered PNGs into DIR (no window).", valueName: "DIR"))
    var record: String?

    @Option(help: ArgumentHelp("With --record: write every Nth frame (default: 1).", valueName: "N"))
    var every: Int?

    @Flag(help: "With --record: replace the frame-*.png files of an earlier recording in DIR.")
    var overwrite = false

    @Option(name: .customLong("quit-after"), help: ArgumentHelp("Window: quit after this much wall time.", valueName: "SECONDS"))
    var quitAfter: DecimalNumber?

    @Option(help: ArgumentHelp("Window: save a picture (.png, .jpg) of the window just before quitting.", valueName: "FILE"))
    var screenshot: String?

    @Option(help: ArgumentHelp("Window or --record image size, 64…8192 each way (default: 1280x800).", valueName: "WxH"))
    var size: String?

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
        try rules.check()
        let duration = try checkedDuration()
        if let every, every < 1 { throw usage("--every: must be >= 1, got \(every)") }
        if let quitAfter, !(quitAfter.value > 0) { throw usage("--quit-after: must be > 0 seconds, got \(quitAfter.value)") }
        let imageSize = try size.map { try SizeOption.parse($0) } ?? .standard
        try BatchRun.checkUsage(scenarioCount: scenarios.count, headless: headless, outputDirectory: outputDirectory,
                                output: output, record: record, jobs: jobs, duration: duration)
        if let outputDirectory {
            let plan = try BatchPlan(scenarios: scenarios, directory: outputDirectory, format: format ?? .csv)
            return try BatchRun(plan: plan, format: format ?? .csv, duration: duration,
                                jobs: jobs ?? BatchWorkers.coreCount, quiet: quiet).run()
        }
        let scenario = scenarios[0]
        if let output { try SameFile.check(input: scenario, output: output, option: "--output") }
        if let plot { try SameFile.check(input: scenario, output: plot, option: "--plot") }
        if let screenshot {
            try SameFile.check(input: scenario, output: screenshot, option: "--screenshot")
            try PictureFormat.check(screenshot, option: "--screenshot")
        }
        let shownPanels = try PanelOption.panels(panels, ellipse: ellipse)
        let loaded = try ScenarioInput.load(scenario, duration: duration)
        if headless || record != nil {
            let recording = record.map { RecordingRequest(directory: $0, every: every ?? 1, size: imageSize, overwrite: overwrite) }
            try HeadlessRun(scenario: loaded, format: format ?? .csv, writesTrajectory: headless, output: output,
                            quiet: quiet, record: recording, curvature: curvature, panels: shownPanels).run()
            if let plot {
                let picture = try PlotRunPicture.fromScenario(loaded, panels: RunPlotPanel.allCases, width: imageSize.width, height: imageSize.height)
                try PlotOutputFile.write(picture, to: plot)
            }
            return
        }
        try runWindow(loaded, size: imageSize, panels: shownPanels)
    }

    private var rules: RunFlagRules {
        var given: Set<String> = []
        if format != nil { given.insert("--format") }
        if output != nil { given.insert("--output") }
        if every != nil { given.insert("--every") }
        if overwrite { given.insert("--overwrite") }
        if quitAfter != nil { given.insert("--quit-after") }
        if screenshot != nil { given.insert("--screenshot") }
        if size != nil { given.insert("--size") }
        if paused { given.insert("--paused") }
        if loop { given.insert("--loop") }
        if plot != nil { given.insert("--plot") }
        if curvature { given.insert("--curvature") }
        if ellipse { given.insert("--ellipse") }
        if !panels.isEmpty { given.insert("--panels") }
        return RunFlagRules(headless: headless, recording: record != nil, given: given)
    }

    private func checkedDuration() throws(CommandFailure) -> Double? {
        guard let duration else { return nil }
        guard duration.value > 0 else { throw usage("--duration: must be > 0 seconds, got \(duration.value)") }
        return duration.value
    }

    private func runWindow(_ loaded: Scenario, size: ImageSize, panels: Set<WindowPanel>) throws {
        var options = WindowOptions()
        options.size = size
        options.quitAfter = quitAfter?.value
        options.screenshotPath = screenshot
        options.imageSink = FileImageSink()
        options.startPaused = paused
        options.loop = loop
        options.panels = panels
        SignalHandling.windowRunning = true
        defer { SignalHandling.windowRunning = false }
        if let screenshot { SignalHandling.announce(outputDescription: "no screenshot was written to '\(screenshot)'") }
        do {
            try WindowApp.run(scenario: loaded, options: options)
        } catch {
            throw CommandFailure(message: error.description, exitCode: [.noDisplay, .missingLibrary].contains(error.kind) ? ExitCode32.noDisplay : ExitCode32.failure)
        }
    }

    private func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: ExitCode32.usage)
    }
}
