/// The immutable model of a planar serial arm: n revolute joints about z.
///
/// Joint angle q[i] is relative to the previous link; q = 0 is the arm stretched along +x from `base`.
/// Scratch state never lives here (solvers keep their own workspaces), so one arm can be shared by many solvers.
public struct PlanarArm: Sendable, Equatable {
    /// The most links an arm may have; beyond this a scenario is rejected rather than run slowly.
    public static let maxLinks = 1024
    /// The longest link and the farthest base coordinate, metres (`ModelBounds.maxLength`).
    public static let maxLength: Double = ModelBounds.maxLength
    /// The shortest link, metres (`ModelBounds.minLinkLength`).
    public static let minLength: Double = ModelBounds.minLinkLength

    /// Link lengths, metres, all in [minLength, maxLength].
    public let links: [Double]
    /// Position of the first joint, metres.
    public let base: Point2D
    /// Joint limits, radians; nil means every joint is free.
    public let limits: [JointLimit]?
    /// Σ L: the outer radius of the reachable annulus (stored: the solver asks every frame).
    public let reach: Double
    /// The inner radius of the reachable annulus: the longest link minus all the others, when positive.
    public let innerRadius: Double

    /// Throws the first of `problems(links:base:limits:)`, if any.
    public init(links: [Double], base: Point2D = .origin, limits: [JointLimit]? = nil) throws(ArmError) {
        if let first = Self.problems(links: links, base: base, limits: limits).first { throw ArmError(first) }
        self.links = links
        self.base = base
        self.limits = limits
        reach = links.reduce(0, +)
        let longest = links.max() ?? 0
        innerRadius = max(0, longest - (reach - longest))
    }

    /// Every rule the arm's parameters break, in field order. The one place the arm's rules live: the
    /// initialiser and the scenario decoder both ask it. nil entries are values the caller could not read
    /// (already reported by it); they are skipped, as is a nil `base`.
    public static func problems(links: [Double?], base: Point2D?, limits: [JointLimit?]?) -> [FieldProblem] {
        var p = ProblemList()
        if links.isEmpty { p.add("links", "must have at least one link") }
        if links.count > maxLinks { p.add("links", "at most \(maxLinks) links, got \(links.count)") }
        for (i, length) in links.enumerated() {
            guard let length else { continue }
            p.length(length, "links[\(i)]", minimum: minLength)
        }
        if let base { p.point(base, "base") }
        if let limits {
            if limits.count != links.count {
                p.add("limits", "must have one [min, max] pair per link (\(links.count)), got \(limits.count)")
            }
            for (i, limit) in limits.enumerated() {
                guard let limit else { continue }
                p.problems += limit.problems(field: "limits[\(i)]")
            }
        }
        return p.problems
    }

    @inlinable public var jointCount: Int { links.count }
}
