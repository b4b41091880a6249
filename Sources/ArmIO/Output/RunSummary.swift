import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Statistics of a run, accumulated frame by frame without keeping frames (O(1) memory, no allocation per
/// frame), and the one-line summary printed on stderr at the end, every number labelled:
///
///     circle: 801 frames, error (m) max 2.1e-07 mean 3.4e-08 final 1.2e-08, singular frames 0, unreachable frames 0, solver iterations 1602, wall time 12.3 ms, wrote 'out.csv' (52.1 kB)
///
/// Statuses other than converged/unreachable are appended only when they occur (`, stalled frames 3`).
/// Non-finite errors (never expected) are skipped in max/mean and counted in `nonFiniteErrors`; the line never
/// prints `nan`.
public struct RunSummary: Sendable, Equatable {
    /// The task decides the error's unit: metres for position; mixed (m and rad) for pose, so no unit.
    public var task: IKTask
    public private(set) var frames = 0
    public private(set) var maxError = 0.0
    public private(set) var errorSum = 0.0
    public private(set) var finalError = 0.0
    public private(set) var nonFiniteErrors = 0
    public private(set) var singularFrames = 0
    public private(set) var totalIterations = 0
    public private(set) var maxIterations = 0
    public private(set) var converged = 0
    public private(set) var unreachable = 0
    public private(set) var limited = 0
    public private(set) var stalled = 0
    public private(set) var failed = 0

    public init(task: IKTask = .position) {
        self.task = task
    }

    public mutating func add(_ frame: borrowing Frame) {
        frames += 1
        let e = frame.error
        if e.isFinite {
            if e > maxError { maxError = e }
            errorSum += e
        } else {
            nonFiniteErrors += 1
        }
        finalError = e
        if frame.singular { singularFrames += 1 }
        totalIterations += frame.iterations
        if frame.iterations > maxIterations { maxIterations = frame.iterations }
        switch frame.status {
        case .converged: converged += 1
        case .unreachable: unreachable += 1
        case .limited: limited += 1
        case .stalled: stalled += 1
        case .failed: failed += 1
        }
    }

    /// Mean of the finite errors (0 before any frame).
    public var meanError: Double {
        let n = frames - nonFiniteErrors
        return n > 0 ? errorSum / Double(n) : 0
    }

    public func count(of status: SolveStatus) -> Int {
        switch status {
        case .converged: converged
        case .unreachable: unreachable
        case .limited: limited
        case .stalled: stalled
        case .failed: failed
        }
    }

    /// The summary line (no trailing newline). `name` is the scenario's name; `wallSeconds` the run's wall
    /// time as measured by the caller; `outputs` what the run wrote ("wrote 'out.csv' (52.1 kB)"), appended.
    public func line(name: String, wallSeconds: Double, outputs: [String] = []) -> String {
        var parts = ["\(name): \(frames) frame\(frames == 1 ? "" : "s")"]
        if frames > 0 {
            let unit = task == .position ? "m" : "m and rad"
            parts.append("error (\(unit)) max \(Self.compact(maxError)) mean \(Self.compact(meanError)) final \(Self.compact(finalError))")
        }
        parts.append("singular frames \(singularFrames)")
        parts.append("unreachable frames \(unreachable)")
        if limited > 0 { parts.append("limited frames \(limited)") }
        if stalled > 0 { parts.append("stalled frames \(stalled)") }
        if failed > 0 { parts.append("failed frames \(failed)") }
        if nonFiniteErrors > 0 { parts.append("non-finite errors \(nonFiniteErrors)") }
        parts.append("solver iterations \(totalIterations)")
        parts.append("wall time " + Self.duration(wallSeconds))
        return (parts + outputs).joined(separator: ", ")
    }

    /// `812 B`, `52.1 kB`, `3.40 MB`, `1.20 GB` (powers of 1000).
    public static func size(bytes: Int64) -> String {
        let x = Double(bytes)
        if x < 1e3 { return "\(bytes) B" }
        if x < 1e6 { return format("%.1f kB", x / 1e3) }
        if x < 1e9 { return format("%.2f MB", x / 1e6) }
        return format("%.2f GB", x / 1e9)
    }

    /// Two significant digits, C's `%.2g` (`2.1e-07`, `0.5`, `0`).
    public static func compact(_ x: Double) -> String {
        x.isFinite ? format("%.2g", x) : "non-finite"
    }

    /// `850 µs`, `12.3 ms`, `4.56 s`, `123 s`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "?" }
        if seconds < 1e-3 { return format("%.0f µs", seconds * 1e6) }
        if seconds < 1 { return format("%.1f ms", seconds * 1e3) }
        if seconds < 100 { return format("%.2f s", seconds) }
        return format("%.0f s", seconds)
    }

    private static func format(_ pattern: String, _ x: Double) -> String {
        String(cFormat: pattern, x)
    }
}
