import ArmIO
import ArmKit
import ArmRender


struct RunCommand: Subcommand {
    static let spec = CommandSpec(
        name: "run",
        abstract: "Run a scenario: in a window, or --headless with the joint trajectory on stdout.",
        discussion: """
        Headless: CSV (with a header) or JSON Lines, one row per time step, to stdout or to --output FILE. A regular FILE is written atomically (a failed or interrupted run leaves no file); a device, FIFO or symbolic link is written through. A summary goes to stderr unless --quiet.

        Window: see the README for the keys. Without a reachable display the window is not faked: the command exits with status 69 and points to --headless and xvfb-run.

        --record DIR runs without a window and writes every Nth frame as DIR/frame-NNNNNN.png. DIR must be new or empty; with --overwrite the old frame-*.png files are removed first and other files are kept.

        Flags belong to a mode (window: --size, --quit-after, --screenshot, --paused, --loop, --panels, --ellipse; --headless: --format, --output, --plot (sized by --size), --curvature, --output-dir, --jobs; --record: --every, --size, --overwrite, --panels, --ellipse); any other combination is refused. Exit status: 0 success, 1 run or output failure, 2 invalid scenario, 64 usage, 69 no display, 128+N ended by signal N.

        Examples:
          armsim run scenarios/circle.json --headless --output circle.csv
          armsim run scenarios/figure8.json --record frames --every 5 --size 640x400
          armsim run scenarios/line.json --headless --output line.csv --plot line.png
          armsim run scenarios/*.json --headless --output-dir runs --jobs 2
        """,
        positional: PositionalSpec(valueName: "FILE", help: "The scenario file (JSON); several with --headless --output-dir.", arity: .oneOrMore),
        options: [
            .value("--output-dir", "DIR", "With --headless: write each scenario's trajectory to DIR/NAME.csv (or .jsonl), atomically, several at once."),
            .value("--jobs", "N", "With --output-dir: scenarios run at once (default: the number of cores)."),
            .flag("--headless", "No window: stream the trajectory to stdout (or --output)."),
            .choice("--format", TrajectoryFormat.self, "Trajectory format (default: csv)."),
            .value("--output", "FILE", "Write the trajectory to FILE instead of stdout."),
            .value("--duration", "SECONDS", "Override the scenario's duration (> 0)."),
            .flag("--quiet", "No summary or progress on stderr."),
            .value("--record", "DIR", "Write frames as numbered PNGs into DIR (no window)."),
            .value("--every", "N", "With --record: write every Nth frame (default: 1)."),
            .flag("--overwrite", "With --record: replace the frame-*.png files of an earlier recording in DIR."),
            .value("--quit-after", "SECONDS", "Window: quit after this much wall time."),
            .value("--screenshot", "FILE", "Window: save a picture (.png, .jpg) of the window just before quitting."),
            .value("--size", "WxH", "Window or --record image size, 64…8192 each way (default: 1280x800)."),
            .flag("--paused", "Window: start paused."),
            .value("--plot", "FILE", "With --headless: also draw the run as a plot PNG (see armsim plot)."),
            .flag("--ellipse", "Window or --record: draw the manipulability (velocity) ellipse at the tip (the same as --panels ellipse)."),
            .flag("--curvature", "Headless: append the columns loss, gradient_norm and curvature (an O(n³) Hessian analysis per frame)."),
            .flag("--loop", "Window: start again from the beginning at the end of the run (key L toggles)."),
            .value("--panels", "LIST", "Window or --record: panels to show, any of ellipse, charts, landscape (keys E, C and G in the window)."),
        ]
    )

    let scenarios: [String]
    let outputDirectory: String?
    let jobs: Int?
    let headless: Bool
    let format: TrajectoryFormat?
    let output: String?
    let duration: Double?
    let quiet: Bool
    let record: String?
    let every: Int?
    let overwrite: Bool
    let quitAfter: Double?
    let screenshot: String?
    let size: String?
    let paused: Bool
    let plot: String?
    let ellipse: Bool
    let curvature: Bool
    let loop: Bool
    let panels: String
    /// Every option named on the command line, for the mode rules.
    let given: Set<String>

    init(_ arguments: ParsedArguments) throws(CommandFailure) {
        given = arguments.given
        scenarios = arguments.positionals
        outputDirectory = arguments.string("--output-dir")
        jobs = try arguments.int("--jobs")
        headless = arguments.flag("--headless")
        format = try arguments.choice("--format")
        output = arguments.string("--output")
        duration = try arguments.decimal("--duration")
        quiet = arguments.flag("--quiet")
        record = arguments.string("--record")
        every = try arguments.int("--every")
        overwrite = arguments.flag("--overwrite")
        quitAfter = try arguments.decimal("--quit-after")
        screenshot = arguments.string("--screenshot")
        size = arguments.string("--size")
        paused = arguments.flag("--paused")
        plot = arguments.string("--plot")
        ellipse = arguments.flag("--ellipse")
        curvature = arguments.flag("--curvature")
        loop = arguments.flag("--loop")
        panels = arguments.string("--panels") ?? ""
    }

    func run() throws {
        let rules = RunFlagRules(headless: headless, recording: record != nil, given: given)
        try rules.check()
        let duration = try checkedDuration()
        if let every, every < 1 { throw usage("--every: must be >= 1, got \(every)") }
        if let quitAfter, !(quitAfter > 0) { throw usage("--quit-after: must be > 0 seconds, got \(quitAfter)") }
        let imageSize = try size.map { try SizeOption.parse($0) } ?? .standard
        try BatchRun.checkUsage(scenarioCount: scenarios.count, headless: headless, outputDirectory: outputDirectory,
                                output: output, record: record, jobs: jobs, duration: duration)
        if outputDirectory == nil && (rules.windowed || rules.recording || plot != nil) {
            try DrawingHost.require(window: rules.windowed)
        }
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

    private func checkedDuration() throws(CommandFailure) -> Double? {
        guard let duration else { return nil }
        guard duration > 0 else { throw usage("--duration: must be > 0 seconds, got \(duration)") }
        return duration
    }

    private func runWindow(_ loaded: Scenario, size: ImageSize, panels: Set<WindowPanel>) throws {
        var options = WindowOptions()
        options.size = size
        options.quitAfter = quitAfter
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
