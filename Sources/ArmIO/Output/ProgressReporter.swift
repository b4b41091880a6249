import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress display on stderr for long runs:
/// `circle: 1234567/10000000 frames (12%), 2.1 M frames/s, elapsed 0:05, ETA 0:37`, redrawn in place with `\r`
/// at most `interval` apart (0.1 s: ~10×/s), shown only after the run has taken `delay` (0.5 s, so short runs
/// print nothing), and erased by `finish()`.
///
/// Silent (every call returns at once) when `quiet`, or when the caller says the descriptor is not a terminal
/// (this module does not ask: the command line knows its terminal). `update` is cheap enough for every frame:
/// it reads the clock only every `checkEvery` frames and allocates only when it actually redraws.
/// `note` (e.g. "37 PNGs") is appended when set.
public final class ProgressReporter {
    public let label: String
    public let totalFrames: Int?
    public let isEnabled: Bool
    public let interval: Double
    public let delay: Double
    public let checkEvery: Int

    private let fileDescriptor: Int32
    private let start: Double
    private var nextCheck: Int
    private var lastDraw: Double
    private var shown = false
    /// Appended to the line after a comma when set (what else the run produced so far).
    public var note: String?

    /// - Parameters:
    ///   - totalFrames: the number of frames the run will produce, if known (adds n/N and a percentage).
    ///   - quiet: never show anything (`--quiet`).
    ///   - fileDescriptor: where to draw (2).
    ///   - isTerminal: whether that descriptor is a terminal; nothing is drawn otherwise.
    public init(label: String, totalFrames: Int?, quiet: Bool = false, fileDescriptor: Int32 = 2,
                isTerminal: Bool, interval: Double = 0.1, delay: Double = 0.5, checkEvery: Int = 1024) {
        self.label = label
        self.totalFrames = totalFrames
        self.fileDescriptor = fileDescriptor
        self.isEnabled = !quiet && isTerminal
        self.interval = interval
        self.delay = delay
        self.checkEvery = max(1, checkEvery)
        start = Self.now()
        lastDraw = start
        nextCheck = self.checkEvery
    }

    /// Reports that `framesDone` frames are finished.
    @inline(__always)
    public func update(framesDone: Int) {
        guard isEnabled, framesDone >= nextCheck else { return }
        tick(framesDone)
    }

    private func tick(_ framesDone: Int) {
        nextCheck = framesDone + checkEvery
        let t = Self.now()
        guard t - start >= delay, t - lastDraw >= interval else { return }
        lastDraw = t
        draw("\r" + text(framesDone: framesDone, elapsed: t - start) + "\u{1B}[K")
        shown = true
    }

    /// Erases the line if anything was shown. Call before printing the summary.
    public func finish() {
        guard isEnabled, shown else { return }
        shown = false
        draw("\r\u{1B}[K")
    }

    /// The progress text (without the control sequences).
    public func text(framesDone: Int, elapsed: Double) -> String {
        var s = "\(label): \(framesDone)"
        if let total = totalFrames, total > 0 {
            s += "/\(total) frames (\(min(100, framesDone * 100 / total))%)"
        } else {
            s += " frames"
        }
        if elapsed > 0 {
            let rate = Double(framesDone) / elapsed
            s += rate >= 1e6 ? ", \(Self.oneDecimal(rate / 1e6)) M frames/s"
                : rate >= 1e3 ? ", \(Self.oneDecimal(rate / 1e3)) k frames/s" : ", \(Int(rate)) frames/s"
            s += ", elapsed \(Self.clock(elapsed))"
            if let total = totalFrames, total > framesDone, framesDone > 0 {
                s += ", ETA \(Self.clock(Double(total - framesDone) / rate))"
            }
        }
        if let note { s += ", " + note }
        return s
    }

    /// `0:07`, `12:34`, `3:02:01` (whole seconds).
    public static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        let total = Int(min(seconds, 1e9).rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        func two(_ x: Int) -> String { x < 10 ? "0\(x)" : "\(x)" }
        return h > 0 ? "\(h):\(two(m)):\(two(s))" : "\(m):\(two(s))"
    }

    private static func oneDecimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func draw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var p = bytes.baseAddress
            var remaining = bytes.count
            while remaining > 0, let q = p {
                let n = write(fileDescriptor, q, remaining)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }  // progress is best-effort
                p = q + n
                remaining -= n
            }
        }
    }

    private static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
