import AutoDiff
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A target running round a circle at constant speed.
///
/// angle(t) = phase + 2π t / period (counter-clockwise), or phase − 2π t / period when `clockwise`;
/// target(t) = center + radius·(cos angle, sin angle). So at t = 0 the target is at
/// (cx + r·cos phase, cy + r·sin phase), and with phase 0 a quarter period later it is at (cx, cy + r).
public struct CirclePath: PathDescribing, Equatable, CustomStringConvertible {
    /// Metres.
    public let center: Point2D
    /// Metres, > 0.
    public let radius: Double
    /// Seconds per revolution, > 0.
    public let period: Double
    public let clockwise: Bool
    /// Angle at t = 0, radians from +x.
    public let phase: Double
    /// φ of the target for the pose task, radians (constant).
    public let orientation: Double

    public init(center: Point2D, radius: Double, period: Double, clockwise: Bool = false,
                phase: Double = 0, orientation: Double = 0) throws(PathError) {
        var p = ProblemList()
        p.point(center, "center")
        p.length(radius, "radius")
        p.positive(period, "period")
        p.angle(phase, "phase")
        p.angle(orientation, "orientation")
        try p.throwIfAny()
        self.center = center; self.radius = radius; self.period = period
        self.clockwise = clockwise; self.phase = phase; self.orientation = orientation
    }

    /// The angle of the target about the center at time t, radians. The elapsed fraction of a period is
    /// taken with an exact remainder, so large t neither loses the phase nor overflows.
    public func angle(at t: Double) -> Double {
        let swept = 2 * Double.pi * periodFraction(t, period: period)
        return clockwise ? phase - swept : phase + swept
    }

    public func target(at t: Double) -> Pose2D {
        let (s, c) = Double.sincos(angle(at: t))   // one sincos: this runs once per simulated frame
        return Pose2D(x: center.x + radius * c, y: center.y + radius * s, phi: orientation)
    }

    /// One revolution.
    public var naturalDuration: Double? { period }

    public var description: String {
        "circle center [\(formatNumber(center.x)), \(formatNumber(center.y))] m, radius \(formatNumber(radius)) m, "
            + "period \(formatNumber(period)) s\(clockwise ? ", clockwise" : "")"
    }
}
