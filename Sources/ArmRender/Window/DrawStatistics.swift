#if canImport(Glibc)
import Glibc
#endif

/// Per-video-frame timings of the window: how long drawing the scene and presenting it took.
struct DrawStatistics: Sendable {
    private(set) var drawMs: [Double] = []
    private(set) var presentMs: [Double] = []
    private(set) var stepsPerFrame: [Int] = []
    /// Recent draw times for the on-screen readout.
    private var recent: [Double] = []
    private var recentIndex = 0

    mutating func add(draw: Double, present: Double, steps: Int) {
        if drawMs.count < 1_000_000 { drawMs.append(draw); presentMs.append(present); stepsPerFrame.append(steps) }
        if recent.count < 60 { recent.append(draw + present) } else { recent[recentIndex] = draw + present }
        recentIndex = (recentIndex + 1) % 60
    }

    var frames: Int { drawMs.count }

    /// Mean of the last second's draw+present time, milliseconds.
    var recentMean: Double { recent.isEmpty ? 0 : recent.reduce(0, +) / Double(recent.count) }

    static func mean(_ xs: [Double]) -> Double { xs.isEmpty ? 0 : xs.reduce(0, +) / Double(xs.count) }

    static func percentile(_ xs: [Double], _ p: Double) -> Double {
        guard !xs.isEmpty else { return 0 }
        let sorted = xs.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p + 0.5))]
    }

    /// One line for stderr.
    func summary(wallSeconds: Double, renderer: String, size: (Int, Int)) -> String {
        let fps = wallSeconds > 0 ? Double(frames) / wallSeconds : 0
        return "armsim: \(renderer) renderer \(size.0)×\(size.1): " + String(cFormat: "%d video frames in %.1f s (%.1f fps); draw %.2f ms mean, %.2f ms p95; present %.2f ms mean",
                      frames, wallSeconds, fps,
                      DrawStatistics.mean(drawMs), DrawStatistics.percentile(drawMs, 0.95), DrawStatistics.mean(presentMs))
    }
}
