/// The sizes every model value must keep, so that no valid scenario can overflow, underflow or lose the
/// precision the solver needs. The README's schema tables list each one.
public enum ModelBounds {
    /// The longest link, the farthest base coordinate and every path coordinate, metres (1000 km): within
    /// it no Jacobian entry, nor its square summed over 1024 links, can overflow.
    public static let maxLength: Double = 1e6
    /// The shortest link, metres (1 µm): keeps squared errors and J Jᵀ far above the underflow range.
    public static let minLinkLength: Double = 1e-6
    /// The largest |angle| accepted (initial angles, joint limits, orientations, phases), radians: about
    /// 159 turns, where one ulp is still 1e-13 rad.
    public static let maxAngle: Double = 1000
}
