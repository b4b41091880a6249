/// The immutable model of a planar serial arm: n revolute joints about z.
///
/// Joint angle q[i] is relative to the previous link; q = 0 is the arm stretched along +x from `base`.
/// Scratch state never lives here (see `IKWorkspace`), so one arm can be shared by many solvers.
public struct PlanarArm: Sendable, Equatable {
    /// The most links an arm may have; beyond this a scenario is rejected rather than run slowly.
    public static let maxLinks = 1024
    /// The longest link and the farthest base coordinate, metres (1000 km). Within these caps no entry of a
    /// Jacobian, nor its square, can overflow.
    public static let maxLength: Double = 1e6

    /// Link lengths, metres, all > 0.
    public let links: [Double]
    /// Position of the first joint, metres.
    public let base: Point2D
    /// Joint limits, radians; nil means every joint is free.
    public let limits: [JointLimit]?
    /// Σ L: the outer radius of the reachable annulus (stored: the solver asks every frame).
    public let reach: Double
    /// The inner radius of the reachable annulus: the longest link minus all the others, when positive.
    public let innerRadius: Double

    public init(links: [Double], base: Point2D = .origin, limits: [JointLimit]? = nil) throws(ArmError) {
        guard !links.isEmpty else { throw ArmError(field: "links", message: "must have at least one link") }
        guard links.count <= Self.maxLinks else {
            throw ArmError(field: "links", message: "at most \(Self.maxLinks) links, got \(links.count)")
        }
        for (i, length) in links.enumerated() {
            guard length.isFinite else { throw ArmError(field: "links[\(i)]", message: "must be a finite number, got \(length)") }
            guard length > 0 else { throw ArmError(field: "links[\(i)]", message: "must be > 0, got \(length)") }
            guard length <= Self.maxLength else {
                throw ArmError(field: "links[\(i)]", message: "must be <= \(Self.maxLength) m, got \(length)")
            }
        }
        guard base.x.isFinite, base.y.isFinite, abs(base.x) <= Self.maxLength, abs(base.y) <= Self.maxLength else {
            throw ArmError(field: "base", message: "coordinates must be finite and within ±\(Self.maxLength) m, got [\(base.x), \(base.y)]")
        }
        if let limits {
            guard limits.count == links.count else {
                throw ArmError(field: "limits", message: "must have one [min, max] pair per link (\(links.count)), got \(limits.count)")
            }
            for (i, limit) in limits.enumerated() {
                guard limit.lower.isFinite, limit.upper.isFinite else {
                    throw ArmError(field: "limits[\(i)]", message: "must be finite, got [\(limit.lower), \(limit.upper)]")
                }
                guard limit.lower <= limit.upper else {
                    throw ArmError(field: "limits[\(i)]", message: "min must be <= max, got [\(limit.lower), \(limit.upper)]")
                }
            }
        }
        self.links = links
        self.base = base
        self.limits = limits
        reach = links.reduce(0, +)
        let longest = links.max() ?? 0
        innerRadius = max(0, longest - (reach - longest))
    }

    @inlinable public var jointCount: Int { links.count }

}
