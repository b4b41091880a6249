/// One measured case: the median ns per call over repetitions, after a warm-up.
struct BenchMeasurement {
    var name: String
    var links: Int
    var nanoseconds: Double
    var ratioToFK: Double = 1
}

/// Times a workload that runs `count` calls and returns a value derived from every result (so the optimiser
/// cannot drop the work). Batches are sized to last at least `batchNanoseconds`; the median of
/// `repetitions` batches is reported, which shrugs off the odd descheduling on a noisy 2-core machine.
struct BenchTimer {
    var repetitions: Int
    var batchNanoseconds: UInt64
    /// Every result flows here and is printed in the report's footer: the work is observably used.
    private(set) var checksum = 0.0

    init(quick: Bool) {
        repetitions = quick ? 9 : 31
        batchNanoseconds = quick ? 300_000 : 2_000_000
    }

    mutating func measure(_ body: (Int) -> Double) -> Double {
        // Warm up and size the batch.
        var count = 1
        while true {
            let start = BenchClock.nanoseconds()
            checksum += body(count)
            let elapsed = BenchClock.nanoseconds() - start
            if elapsed >= batchNanoseconds || count >= 1 << 30 { break }
            count *= elapsed < batchNanoseconds / 8 ? 4 : 2
        }
        var samples: [Double] = []
        samples.reserveCapacity(repetitions)
        for _ in 0..<repetitions {
            let start = BenchClock.nanoseconds()
            checksum += body(count)
            samples.append(Double(BenchClock.nanoseconds() - start) / Double(count))
        }
        samples.sort()
        return samples[samples.count / 2]
    }
}
