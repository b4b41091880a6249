#if canImport(Glibc)
import Glibc
#endif

/// A monotonic nanosecond clock (not affected by wall-clock adjustments).
enum BenchClock {
    @inline(__always)
    static func nanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
    }
}
