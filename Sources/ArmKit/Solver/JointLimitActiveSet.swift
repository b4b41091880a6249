/// Joint limits as an active set (the KKT test of a bound-constrained least-squares step): a joint already at
/// a limit whose descent direction Jᵀe points further out cannot help, so it is frozen (its column of J zeroed)
/// and the step re-solved for the others; a pinned joint whose descent points inward is released. Joints that
/// would only cross a limit during a step are clamped onto it and join the set at the next iteration.
struct JointLimitActiveSet {
    let limits: [JointLimit]
    /// Which joints the current step leaves where they are.
    let frozen: UnsafeMutableBufferPointer<Bool>

    init(limits: [JointLimit]) {
        self.limits = limits
        frozen = .allocate(capacity: limits.count); frozen.initialize(repeating: false)
    }

    func deallocate() { frozen.deallocate() }

    /// Marks the joints to freeze at q for the residual e (J row-major, `Shape.rows` × n); returns whether any.
    @inline(__always)
    func mark<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, jacobian: UnsafeMutableBufferPointer<Double>,
                                residual e: TaskResidual, _: Shape.Type) -> Bool {
        let n = limits.count
        var any = false
        for i in 0..<n {
            var descent = jacobian[i] * e.components[0] + jacobian[n + i] * e.components[1]
            if Shape.hasAngleRow { descent += jacobian[2 * n + i] * e.components[2] }
            frozen[i] = (q[i] <= limits[i].lower && descent < 0) || (q[i] >= limits[i].upper && descent > 0)
            any = any || frozen[i]
        }
        return any
    }

    /// Zeroes the frozen joints' columns of J, so a step through it leaves them where they are.
    func removeFrozenColumns<Shape: TaskShape>(from jacobian: UnsafeMutableBufferPointer<Double>, _: Shape.Type) {
        let n = limits.count
        for r in 0..<Shape.rows { for i in 0..<n where frozen[i] { jacobian[r * n + i] = 0 } }
    }

    /// q clamped into its limits.
    @inline(__always) func clamp(_ q: UnsafeMutableBufferPointer<Double>) {
        for i in 0..<limits.count { q[i] = limits[i].clamp(q[i]) }
    }

    /// Whether some joint sits on a limit (within 1e-12 rad).
    func anyAtLimit(_ q: UnsafeMutableBufferPointer<Double>) -> Bool {
        for i in 0..<limits.count where q[i] <= limits[i].lower + 1e-12 || q[i] >= limits[i].upper - 1e-12 { return true }
        return false
    }
}
