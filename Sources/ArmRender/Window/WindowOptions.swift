/// How `WindowApp.run` opens and drives the window.
public struct WindowOptions: Sendable {
    /// Window size in points (the drawable may have more pixels on a high-DPI display); `ImageSize`'s range.
    public var size = ImageSize.standard
    public var width: Int { size.width }
    public var height: Int { size.height }
    /// Quit after this many wall-clock seconds (for scripts and screenshots); nil runs until the user quits.
    public var quitAfter: Double?
    /// Save a picture (PNG or JPEG, by the extension) of the last frame drawn, just before quitting (by any means).
    public var screenshotPath: String?
    /// Where screenshots are written (the program's one output writer); without one, saving fails with a message.
    public var imageSink: (any ImageSink)?
    /// Open paused (Space starts).
    public var startPaused = false
    /// Start again from frame 0 at the end of the run (key L toggles).
    public var loop = false
    /// Panels shown from the start (keys E and C toggle them); also ARMSIM_PANELS=ellipse,charts.
    public var panels: Set<WindowPanel> = []
    /// Initial playback speed: simulated seconds per wall-clock second (clamped to 1/64…64).
    public var speed = 1.0
    /// Overridable with the environment variable ARMSIM_RENDERER=software|accelerated.
    public var renderer: RendererKind = .accelerated
    /// Print frame and draw-time statistics on stderr when the window closes (or set ARMSIM_REPORT_TIMING=1).
    public var reportTiming = false

    public init() {}
}

/// What a window without an `ImageSink` does with a screenshot: refuses, naming the path.
struct MissingImageSink: ImageSink {
    func write(image bytes: [UInt8], to path: String) throws {
        throw RenderError(.io, "cannot write \(path): no image writer was configured")
    }
}

extension WindowOptions {
    /// `imageSink`, or one that refuses.
    var sink: any ImageSink { imageSink ?? MissingImageSink() }
}
