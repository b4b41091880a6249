import ArmKit

/// A sink for `armsim run SCENARIO --record DIR [--every N]`: the headless loop feeds it every frame; it keeps
/// the tip's trail and writes every Nth frame (k mod N = 0) as `DIR/frame-000000.png` through the program's
/// `ImageSink`, numbered by the frame index k (so t = k·dt and the file lines up with row k of the
/// trajectory). Files for k ≥ 10⁶ get more digits. The directory must exist (the program prepares it).
///
/// Make a video with: `ffmpeg -framerate 30 -pattern_type glob -i 'DIR/frame-*.png' out.mp4`.
public final class FrameRecorder {
    public let directory: String
    public let every: Int
    /// How many PNG files have been written.
    public private(set) var filesWritten = 0
    /// Bytes of PNG written so far.
    public private(set) var bytesWritten: Int64 = 0
    private let sink: any ImageSink
    private var target: OffscreenTarget?
    private var trail: TipTrail
    /// Panels drawn on every picture (`--panels`); the charts follow the frames fed so far.
    public var panels: Set<WindowPanel> = []
    private var signals: SignalHistory

    /// Throws for every < 1, a missing font or an SDL failure.
    public init(scenario: Scenario, directory: String, every: Int, size: ImageSize,
                sink: any ImageSink) throws(RenderError) {
        try SDLLibraries.require()
        guard every >= 1 else { throw RenderError(.invalidArgument, "--every must be at least 1, got \(every)") }
        self.directory = directory
        self.every = every
        self.sink = sink
        trail = TipTrail.standard(for: scenario)
        signals = SignalHistory(dt: scenario.simulation.dt)
        target = try SDLSession.locked { () throws(RenderError) in
            try OffscreenTarget(scenario: scenario, size: size)
        }
    }

    /// Whether `name` is one this recorder writes (`frame-` and at least six digits, `.png`).
    public static func isFrameName(_ name: String) -> Bool {
        guard name.hasPrefix("frame-"), name.hasSuffix(".png") else { return false }
        let digits = name.dropFirst(6).dropLast(4)
        return digits.count >= 6 && digits.allSatisfy { $0.isASCII && $0.isWholeNumber }
    }

    /// The name of frame k's file.
    public static func name(forFrame k: Int) -> String {
        let digits = String(k)
        return "frame-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".png"
    }

    /// The file frame k is written to.
    public func path(forFrame k: Int) -> String {
        (directory.hasSuffix("/") ? directory : directory + "/") + Self.name(forFrame: k)
    }

    /// Feeds one frame (every frame, in order); writes it when k mod every = 0.
    public func record(_ frame: Frame) throws(RenderError) {
        guard let target else { throw RenderError(.invalidArgument, "FrameRecorder.record called after finish()") }
        trail.append(frame.tip.point, t: frame.t)
        if panels.contains(.charts) { signals.append(frame) }
        guard frame.index % every == 0 else { return }
        var status = SceneStatus()
        status.showEllipse = panels.contains(.ellipse)
        status.showCharts = panels.contains(.charts)
        status.showLandscape = panels.contains(.landscape)
        let bytes = try SDLSession.locked { () throws(RenderError) in
            target.scene.signals = signals
            try target.draw(frame: frame, trail: trail, status: status)
            return try target.encoded(as: .png)
        }
        try sink.deliver(bytes, to: path(forFrame: frame.index))
        filesWritten += 1
        bytesWritten += Int64(bytes.count)
    }

    /// Releases the renderer. Further `record` calls throw.
    public func finish() throws(RenderError) {
        guard let target else { return }
        SDLSession.locked { target.close() }
        self.target = nil
    }
}
