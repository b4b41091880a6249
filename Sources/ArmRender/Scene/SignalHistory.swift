import ArmKit

/// The last few seconds of per-frame signals, for the strip charts: a ring of fixed capacity, oldest first.
struct SignalHistory: Sendable {
    struct Sample: Sendable, Equatable {
        var t: Double
        var error: Double
        var sigmaMin: Double
        var damping: Double
        var iterations: Int
        var singular: Bool
    }

    /// Simulated seconds shown.
    let window: Double
    private(set) var samples: [Sample] = []
    private var start = 0
    private var lastT: Double?
    private let capacity: Int

    init(window: Double = 5, dt: Double) {
        self.window = window
        capacity = max(16, min(4096, Int((window / max(dt, 1e-9)).rounded(.up)) + 1))
    }

    mutating func append(_ f: Frame) {
        let s = Sample(t: f.t, error: f.error, sigmaMin: f.sigmaMin, damping: f.damping, iterations: f.iterations,
                       singular: f.singular)
        if let last = lastT, f.t < last { clear() }   // a restart or a step back: time went back
        lastT = f.t
        if samples.count < capacity { samples.append(s) } else { samples[start] = s; start = (start + 1) % capacity }
    }

    mutating func clear() { samples.removeAll(keepingCapacity: true); start = 0; lastT = nil }

    /// Oldest first.
    var ordered: [Sample] { Array(samples[start...] + samples[..<start]) }
}
