import ArmIO
import ArmKit
import ArmRender
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The headless pipeline: one simulator feeding the trajectory writer, the summary, the progress line and
/// (with --record) the PNG recorder. Output to a file is atomic; a broken pipe ends the run quietly.
struct HeadlessRun {
    let scenario: Scenario
    let format: TrajectoryFormat
    let writesTrajectory: Bool
    let output: String?
    let quiet: Bool
    /// (directory, every, width, height)
    let record: (String, Int, Int, Int)?
    /// `--curvature`: the loss, gradient-norm and curvature columns.
    var curvature = false
    /// Panels on the recorded pictures (`--panels`).
    var panels: Set<WindowPanel> = []

    func run() throws {
        FileDescriptorSink.ignoreBrokenPipeSignal()
        var fileOutput: AtomicFileOutput?
        var writer: TrajectoryWriter?
        if writesTrajectory {
            let sink: any ByteSink
            if let output {
                do {
                    let file = try AtomicFileOutput(path: output)
                    fileOutput = file
                    sink = file
                } catch {
                    throw CommandFailure(message: "\(error)")
                }
            } else {
                sink = FileDescriptorSink.standardOutput()
            }
            writer = TrajectoryWriter(format: format, jointCount: scenario.arm.jointCount, task: scenario.task, sink: sink,
                                      curvature: curvature)
        }
        let recorder: FrameRecorder?
        do {
            recorder = try record.map { try FrameRecorder(scenario: scenario, directory: $0.0, every: $0.1, width: $0.2, height: $0.3) }
            recorder?.panels = panels
        } catch {
            fileOutput?.abort()
            throw CommandFailure(message: "\(error)")
        }

        let simulator = Simulator(scenario: scenario, curvature: curvature)
        let progress = ProgressReporter(label: scenario.name, totalFrames: simulator.frameCount, quiet: quiet)
        var summary = RunSummary(task: scenario.task)
        let start = Date()
        do {
            try writer?.writeHeader()
            // Frames are lent, not copied: the loop allocates nothing per frame.
            while try simulator.advance({ frame throws in
                try writer?.write(frame)
                summary.add(frame)
                if let recorder { try recorder.record(copy frame) }
                progress.update(framesDone: frame.index + 1)
            }) {}
            try writer?.finish()
            try recorder?.finish()
            try fileOutput?.commit()
        } catch OutputError.brokenPipe {
            // The reader went away (`| head`): a normal end, with nothing more to say.
            fileOutput?.abort()
            progress.finish()
            return
        } catch let error as RenderError {
            fileOutput?.abort()
            progress.finish()
            throw CommandFailure(message: error.description)
        } catch {
            fileOutput?.abort()
            progress.finish()
            throw CommandFailure(message: "\(error)")
        }
        progress.finish()
        if !quiet {
            Diagnostics.write(summary.line(name: scenario.name, wallSeconds: Date().timeIntervalSince(start)) + "\n")
        }
    }
}
