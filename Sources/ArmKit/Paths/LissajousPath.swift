#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A Lissajous curve:
///
///     x(t) = cx + ax·sin(2π·fx·t + phase)
///     y(t) = cy + ay·sin(2π·fy·t)
///
/// The figure-eight is the case fx : fy = 1 : 2 with phase 0 (`figureEight(...)`, default frequencies
/// [0.25, 0.5] Hz: one loop of the eight every 4 s). At t = 0 with phase 0 the target is at the center.
public struct LissajousPath: PathDescribing, Equatable, CustomStringConvertible {
    /// The frequencies a "figure8" path gets when the scenario gives none, Hz: [fx, fy].
    public static let figureEightFrequencies: (x: Double, y: Double) = (0.25, 0.5)

    /// Metres.
    public let center: Point2D
    /// Metres, ≥ 0.
    public let amplitudeX: Double
    public let amplitudeY: Double
    /// Hertz, ≥ 0.
    public let frequencyX: Double
    public let frequencyY: Double
    /// Phase of x relative to y, radians.
    public let phase: Double
    /// φ of the target for the pose task, radians (constant).
    public let orientation: Double

    public init(center: Point2D, amplitudeX: Double, amplitudeY: Double, frequencyX: Double, frequencyY: Double,
                phase: Double = 0, orientation: Double = 0) throws(PathError) {
        var p = ProblemList()
        p.point(center, "center")
        p.length(amplitudeX, "amplitude[0]", allowZero: true)
        p.length(amplitudeY, "amplitude[1]", allowZero: true)
        p.nonNegative(frequencyX, "frequency[0]")
        p.nonNegative(frequencyY, "frequency[1]")
        p.angle(phase, "phase")
        p.angle(orientation, "orientation")
        try p.throwIfAny()
        self.center = center
        self.amplitudeX = amplitudeX; self.amplitudeY = amplitudeY
        self.frequencyX = frequencyX; self.frequencyY = frequencyY
        self.phase = phase; self.orientation = orientation
    }

    /// A figure-eight: frequencies [0.25, 0.5] Hz unless given, phase 0.
    public static func figureEight(center: Point2D, amplitudeX: Double, amplitudeY: Double,
                                   frequencyX: Double = figureEightFrequencies.x,
                                   frequencyY: Double = figureEightFrequencies.y,
                                   orientation: Double = 0) throws(PathError) -> LissajousPath {
        try LissajousPath(center: center, amplitudeX: amplitudeX, amplitudeY: amplitudeY,
                          frequencyX: frequencyX, frequencyY: frequencyY, phase: 0, orientation: orientation)
    }

    public func target(at t: Double) -> Pose2D {
        guard t.isFinite else { return target(at: 0) }
        // Whole cycles are dropped before multiplying by 2π, which keeps the phase accurate for large t;
        // an overflowing f·t gives fraction 0 rather than sin(inf) = NaN.
        let ax = 2 * Double.pi * cycleFraction(frequencyX * t) + phase
        let ay = 2 * Double.pi * cycleFraction(frequencyY * t)
        return Pose2D(x: center.x + amplitudeX * sin(ax), y: center.y + amplitudeY * sin(ay), phi: orientation)
    }

    /// The time after which the curve repeats: 1/f when only one coordinate moves, the least common
    /// multiple of 1/fx and 1/fy when fx/fy is a ratio p/q with q ≤ 1000 (to 1e-9), nil otherwise
    /// (the curve never closes) or when nothing moves.
    public var naturalDuration: Double? {
        let xMoves = amplitudeX > 0 && frequencyX > 0
        let yMoves = amplitudeY > 0 && frequencyY > 0
        func finite(_ v: Double) -> Double? { v.isFinite && v > 0 ? v : nil }
        switch (xMoves, yMoves) {
        case (false, false): return nil
        case (true, false): return finite(1 / frequencyX)
        case (false, true): return finite(1 / frequencyY)
        case (true, true):
            let ratio = frequencyX / frequencyY
            guard ratio.isFinite, ratio > 0 else { return nil }
            for q in 1...1000 {
                let pq = ratio * Double(q)
                let p = pq.rounded()
                if p >= 1, abs(pq - p) <= 1e-9 * max(1, pq) {
                    return finite(Double(q) / frequencyY)
                }
            }
            return nil
        }
    }

    public var description: String {
        "lissajous center [\(formatNumber(center.x)), \(formatNumber(center.y))] m, "
            + "amplitude [\(formatNumber(amplitudeX)), \(formatNumber(amplitudeY))] m, "
            + "frequency [\(formatNumber(frequencyX)), \(formatNumber(frequencyY))] Hz"
            + (phase != 0 ? ", phase \(formatNumber(phase)) rad" : "")
    }
}
