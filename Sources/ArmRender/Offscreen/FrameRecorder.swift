import ArmKit
import Foundation

/// A sink for `armsim run SCENARIO --record DIR [--every N]`: the headless loop feeds it every frame; it keeps
/// the tip's trail and writes every Nth frame (k mod N = 0) as `DIR/frame-000000.png`, numbered by the frame
/// index k (so t = k·dt and the file lines up with row k of the trajectory). Files for k ≥ 10⁶ get more digits.
///
/// Make a video with: `ffmpeg -framerate 30 -pattern_type glob -i 'DIR/frame-*.png' out.mp4`.
public final class FrameRecorder {
    public let directory: String
    public let every: Int
    /// How many PNG files have been written.
    public private(set) var filesWritten = 0
    private var target: OffscreenTarget?
    private var trail: TipTrail
    /// Panels drawn on every picture (`--panels`); the charts follow the frames fed so far.
    public var panels: Set<WindowPanel> = []
    private var signals: SignalHistory

    /// Creates `directory` (and its parents) when missing. Throws for every < 1, a bad size, a missing font, or
    /// a directory that cannot be created.
    public init(scenario: Scenario, directory: String, every: Int, width: Int, height: Int) throws(RenderError) {
        guard every >= 1 else { throw RenderError(.invalidArgument, "--every must be at least 1, got \(every)") }
        try OffscreenTarget.validate(width: width, height: height)
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDir) {
            guard isDir.boolValue else { throw RenderError(.io, "cannot record into \(directory): it is a file") }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw RenderError(.io, "cannot create directory \(directory): \(error.localizedDescription)")
            }
        }
        self.directory = directory
        self.every = every
        trail = OffscreenRenderer.makeTrail(for: scenario)
        signals = SignalHistory(dt: scenario.simulation.dt)
        target = try SDLSession.locked { () throws(RenderError) in
            try OffscreenTarget(scenario: scenario, width: width, height: height)
        }
    }

    /// The file frame k is written to.
    public func path(forFrame k: Int) -> String {
        (directory as NSString).appendingPathComponent(String(format: "frame-%06d.png", k))
    }

    /// Feeds one frame (every frame, in order); writes it when k mod every = 0.
    public func record(_ frame: Frame) throws(RenderError) {
        guard let target else { throw RenderError(.invalidArgument, "FrameRecorder.record called after finish()") }
        trail.append(frame.tip.point, t: frame.t)
        if panels.contains(.charts) { signals.append(frame) }
        guard frame.index % every == 0 else { return }
        let path = path(forFrame: frame.index)
        var status = SceneStatus()
        status.showEllipse = panels.contains(.ellipse)
        status.showCharts = panels.contains(.charts)
        status.showLandscape = panels.contains(.landscape)
        try SDLSession.locked { () throws(RenderError) in
            target.scene.signals = signals
            try target.draw(frame: frame, trail: trail, status: status)
            try target.save(to: path)
        }
        filesWritten += 1
    }

    /// Releases the renderer. Further `record` calls throw.
    public func finish() throws(RenderError) {
        guard let target else { return }
        SDLSession.locked { target.close() }
        self.target = nil
    }
}
