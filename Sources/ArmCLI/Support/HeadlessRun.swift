import ArmIO
import ArmKit
import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// `--record DIR` as asked: where, how often, how big, and whether old frames may be replaced.
struct RecordingRequest {
    var directory: String
    var every: Int
    var size: ImageSize
    var overwrite: Bool
}

/// The headless pipeline: one simulator feeding the trajectory writer, the summary, the progress line and
/// (with --record) the frame recorder. Every frame is checked for non-finite numbers before any sink sees
/// it. Output to a file is atomic; a broken pipe ends the run quietly.
struct HeadlessRun {
    let scenario: Scenario
    let format: TrajectoryFormat
    let writesTrajectory: Bool
    let output: String?
    let quiet: Bool
    let record: RecordingRequest?
    /// `--curvature`: the loss, gradient-norm and curvature columns.
    var curvature = false
    /// Panels on the recorded pictures (`--panels`).
    var panels: Set<WindowPanel> = []

    func run() throws {
        let (fileOutput, writer) = try openTrajectory()
        let recorder: FrameRecorder?
        do {
            recorder = try record.map(openRecorder)
            recorder?.panels = panels
        } catch {
            fileOutput?.abort()
            throw (error as? CommandFailure) ?? CommandFailure(message: "\(error)")
        }
        announceInterruption()
        let simulator = Simulator(scenario: scenario, curvature: curvature)
        let progress = ProgressReporter(label: scenario.name, totalFrames: simulator.frameCount, quiet: quiet,
                                        isTerminal: TerminalInfo.stderrIsTerminal,
                                        checkEvery: recorder == nil ? 1024 : 1)
        var summary = RunSummary(task: scenario.task)
        let start = ContinuousClock.now
        defer { progress.finish() }
        let background = writer.flatMap { writer in
            BackgroundTrajectoryWriter.worthwhile(frames: simulator.frameCount)
                ? BackgroundTrajectoryWriter(writer: writer, jointCount: scenario.arm.jointCount) : nil
        }
        do {
            try writer?.writeHeader()
            // Frames are lent, or copied into storage allocated once: the loop allocates nothing per frame.
            while try simulator.advance({ frame throws in
                try NonFiniteFrameCheck.check(frame)
                if let background { try background.write(frame) } else { try writer?.write(frame) }
                summary.add(frame)
                if let recorder {
                    let before = recorder.filesWritten
                    try recorder.record(copy frame)
                    if recorder.filesWritten != before { progress.note = "\(recorder.filesWritten) PNGs" }
                }
                progress.update(framesDone: frame.index + 1)
            }) {}
            if let background { try background.finish() } else { try writer?.finish() }
            try recorder?.finish()
            try fileOutput?.commit()
        } catch OutputError.brokenPipe {
            // The reader went away (`| head`): a normal end, with nothing more to say.
            background?.drain()
            fileOutput?.abort()
            return
        } catch {
            background?.drain()
            fileOutput?.abort()
            throw CommandFailure(message: failureMessage(error))
        }
        SignalHandling.announce(outputDescription: nil)
        progress.finish()
        if !quiet {
            let line = summary.line(name: scenario.name, wallSeconds: start.secondsUntilNow,
                                    outputs: outputs(fileOutput, recorder))
            Diagnostics.write(line + "\n")
        }
    }

    private func openTrajectory() throws(CommandFailure) -> (AtomicFileOutput?, TrajectoryWriter?) {
        guard writesTrajectory else { return (nil, nil) }
        var file: AtomicFileOutput?
        let sink: any ByteSink
        if let output {
            do {
                file = try AtomicFileOutput(path: output)
            } catch {
                throw CommandFailure(message: "\(error)")
            }
            sink = file!
        } else {
            guard !StandardDescriptors.stdoutWasClosed else {
                throw CommandFailure(message: "stdout is closed: nowhere to write the trajectory (give --output FILE)")
            }
            sink = FileDescriptorSink.standardOutput()
        }
        let writer = TrajectoryWriter(format: format, jointCount: scenario.arm.jointCount, task: scenario.task, sink: sink,
                                      curvature: curvature)
        return (file, writer)
    }

    private func openRecorder(_ request: RecordingRequest) throws -> FrameRecorder {
        // The recorder first: it checks for SDL and the fonts, so a machine without them gets no directory made.
        let recorder = try FrameRecorder(scenario: scenario, directory: request.directory, every: request.every,
                                         size: request.size, sink: FileImageSink(durable: false))
        do {
            try OutputDirectory.prepare(request.directory, overwrite: request.overwrite, option: "--record",
                                        isOwnName: FrameRecorder.isFrameName)
        } catch OutputError.notEmpty(let path, let advice) {
            throw CommandFailure(message: "--record: '\(path)' is not empty; \(advice)", exitCode: ExitCode32.usage)
        }
        return recorder
    }

    /// What a signal's line says was (not) written.
    private func announceInterruption() {
        var parts: [String] = []
        if writesTrajectory, let output { parts.append("nothing was written to '\(output)'") }
        if let record { parts.append("the frames already in '\(record.directory)' are complete, no partial frame was left") }
        SignalHandling.announce(outputDescription: parts.isEmpty ? nil : parts.joined(separator: "; "))
    }

    private func failureMessage(_ error: any Error) -> String {
        var message = (error as? RenderError)?.description ?? "\(error)"
        if case OutputError.nonFinite = error, writesTrajectory {
            message += output.map { "; nothing was written to '\($0)'" } ?? "; the rows before it are on stdout"
        }
        return message
    }

    /// "wrote 'out.csv' (52.1 kB)", "wrote 81 PNGs to 'frames' (3.40 MB)".
    private func outputs(_ file: AtomicFileOutput?, _ recorder: FrameRecorder?) -> [String] {
        var parts: [String] = []
        if let output, let file {
            var info = stat()
            let size = stat(file.targetPath, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? " (\(RunSummary.size(bytes: Int64(info.st_size))))" : ""
            parts.append("wrote '\(output)'\(size)")
        }
        if let recorder {
            parts.append("wrote \(recorder.filesWritten) PNG\(recorder.filesWritten == 1 ? "" : "s") to '\(recorder.directory)' (\(RunSummary.size(bytes: recorder.bytesWritten)))")
        }
        return parts
    }
}
