import ArmKit

/// The recent positions of the tip, for the fading trail: a ring buffer of (point, t), thinned so that a slow
/// tip does not pile up thousands of points in one place. Cleared on restart (or when time runs backwards).
struct TipTrail: Sendable {
    /// How much simulated time the trail covers, seconds.
    var window: Double
    /// Points closer than this to the last one kept are skipped, metres.
    var minSpacing: Double
    private var points: [Point2D] = []
    private var times: [Double] = []
    private var start = 0
    private var count = 0
    private let capacity: Int

    init(window: Double = 2.5, minSpacing: Double = 0, capacity: Int = 4096) {
        self.window = window
        self.minSpacing = minSpacing
        self.capacity = max(2, capacity)
        points = Array(repeating: .origin, count: self.capacity)
        times = Array(repeating: 0, count: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var pointCount: Int { count }

    mutating func clear() {
        start = 0
        count = 0
    }

    /// Adds the tip at time t.
    mutating func append(_ p: Point2D, t: Double) {
        guard p.x.isFinite, p.y.isFinite else { return }
        if count > 0 {
            let last = slot(count - 1)
            if t < times[last] { clear() } else {
                let dx = p.x - points[last].x, dy = p.y - points[last].y
                if dx * dx + dy * dy < minSpacing * minSpacing {
                    // Keep the newest time so the newest point does not fade while the tip rests.
                    times[last] = t
                    return
                }
            }
        }
        // Forget points older than the window, and the oldest when full.
        while count > 0 && t - times[slot(0)] > window { start = (start + 1) % capacity; count -= 1 }
        if count == capacity { start = (start + 1) % capacity; count -= 1 }
        let i = slot(count)
        points[i] = p
        times[i] = t
        count += 1
    }

    /// The points (oldest first) with their age relative to `now`, limited to the window.
    func forEach(now: Double, _ body: (Point2D, _ age: Double) -> Void) {
        for k in 0..<count {
            let i = slot(k)
            let age = now - times[i]
            if age <= window && age >= 0 { body(points[i], age) }
        }
    }

    private func slot(_ k: Int) -> Int { (start + k) % capacity }
}

extension TipTrail {
    /// The trail every view of a scenario draws: the last 2.5 s, points at least reach/800 apart.
    static func standard(for scenario: Scenario) -> TipTrail {
        TipTrail(window: 2.5, minSpacing: scenario.arm.reach / 800)
    }
}
