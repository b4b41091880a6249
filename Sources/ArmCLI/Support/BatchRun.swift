import ArmIO

/// `armsim run A.json B.json … --headless --output-dir DIR [--jobs N]`: many scenarios in one process, N at a
/// time, each written atomically to its own file (renamed into place as it completes; all flushed to disk
/// together before the total). A scenario that fails is reported and the others carry on; the command then exits
/// 1. Summary lines come in completion order (each names its scenario), then a total.
struct BatchRun {
    let plan: BatchPlan
    let format: TrajectoryFormat
    let duration: Double?
    let jobs: Int
    let quiet: Bool

    /// The shared state the workers take scenarios from and report into.
    private final class Ledger: @unchecked Sendable {
        let lock = BatchLock()
        var next = 0
        var written = 0
        var failed = 0
        var frames = 0

        /// The next scenario index to run, or nil when all are taken.
        func take(count: Int) -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }

    func run() throws(CommandFailure) {
        let ledger = Ledger()
        let items = plan.items, format = format, duration = duration, quiet = quiet
        let start = ContinuousClock.now
        BatchWorkers.run(count: min(jobs, items.count)) { _ in
            while let index = ledger.take(count: items.count) {
                let outcome = BatchScenarioRun(item: items[index], format: format, duration: duration).run()
                Self.report(outcome, into: ledger, quiet: quiet)
            }
        }
        if ledger.written > 0 {
            do { try OutputDirectory.flushToDisk(plan.directory) } catch { throw CommandFailure(message: error.description) }
        }
        let seconds = start.secondsUntilNow
        if !quiet {
            Diagnostics.write("total: \(items.count) scenario\(items.count == 1 ? "" : "s"), \(ledger.written) written "
                              + "to \(plan.directory), \(ledger.failed) failed, \(ledger.frames) frames, "
                              + "\(RunSummary.duration(seconds)) with \(min(jobs, items.count)) job(s)\n")
        }
        if ledger.failed > 0 {
            throw CommandFailure(message: "\(ledger.failed) of \(items.count) scenarios failed (see above); "
                                 + "the other \(ledger.written) were written")
        }
    }

    private static func report(_ outcome: BatchScenarioRun.Outcome, into ledger: Ledger, quiet: Bool) {
        ledger.lock.withLock {
            switch outcome {
            case .written(let line, let frames):
                ledger.written += 1
                ledger.frames += frames
                if !quiet { Diagnostics.write(line + "\n") }
            case .failed(let lines):
                ledger.failed += 1
                for line in lines { Diagnostics.error(line) }
            }
        }
    }

    /// The flags a batch needs and the ones it cannot take, checked before anything is read.
    static func checkUsage(scenarioCount: Int, headless: Bool, outputDirectory: String?, output: String?,
                           record: String?, jobs: Int?, duration: Double?) throws(CommandFailure) {
        func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, exitCode: ExitCode32.usage) }
        if scenarioCount > 1 && (!headless || outputDirectory == nil) {
            throw usage("\(scenarioCount) scenarios: several scenarios run only with --headless --output-dir DIR")
        }
        guard outputDirectory != nil else {
            if jobs != nil { throw usage("--jobs: only with --output-dir") }
            return
        }
        if !headless { throw usage("--output-dir: only with --headless") }
        if output != nil { throw usage("--output and --output-dir: choose one") }
        if record != nil { throw usage("--record: not with --output-dir") }
        if let jobs, jobs < 1 { throw usage("--jobs: must be >= 1, got \(jobs)") }
        if let duration, !(duration.isFinite && duration >= 0) {
            throw usage("--duration: must be a finite number >= 0, got \(duration)")
        }
    }
}
