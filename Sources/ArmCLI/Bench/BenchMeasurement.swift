/// One measured case: the median ns per call over repetitions, after a warm-up.
struct BenchMeasurement {
    var name: String
    var links: Int
    var nanoseconds: Double
    var ratioToFK: Double = 1
}

/// Times workloads in batches sized to last at least `batchNanoseconds`, after a warm-up that also sizes the
/// batch. Repetitions are interleaved (case A, B, C, then A, B, C again, …) so that a change of load on a noisy
/// 2-core machine hits every case alike and the ratios between cases stay fair; each case reports its median.
struct BenchTimer {
    var repetitions: Int
    var batchNanoseconds: UInt64
    /// Every result flows here and is printed after the report: the work is observably used.
    private(set) var checksum = 0.0

    init(quick: Bool) {
        repetitions = quick ? 9 : 41
        batchNanoseconds = quick ? 300_000 : 2_000_000
    }

    mutating func measure(_ workloads: [BenchWorkload]) -> [Double] {
        let counts = workloads.map { calibrate($0) }
        var samples = Array(repeating: [Double](), count: workloads.count)
        for _ in 0..<repetitions {
            for (i, workload) in workloads.enumerated() {
                let start = BenchClock.nanoseconds()
                checksum += workload.run(counts[i])
                samples[i].append(Double(BenchClock.nanoseconds() - start) / Double(counts[i]))
            }
        }
        return samples.map { s in s.sorted()[s.count / 2] }
    }

    private mutating func calibrate(_ workload: BenchWorkload) -> Int {
        var count = 1
        while true {
            let start = BenchClock.nanoseconds()
            checksum += workload.run(count)
            let elapsed = BenchClock.nanoseconds() - start
            if elapsed >= batchNanoseconds || count >= 1 << 30 { return count }
            count *= elapsed < batchNanoseconds / 8 ? 4 : 2
        }
    }
}
