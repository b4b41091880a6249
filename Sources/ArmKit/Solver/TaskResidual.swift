/// The task-space error e = target − current: (x, y) or (x, y, φ) with the angle wrapped to (−π, π].
@usableFromInline
struct TaskResidual {
    @usableFromInline let components: SIMD3<Double>
    @usableFromInline let rows: Int
    /// ‖e‖²: the solver compares squared norms, so most iterations take no square root of it.
    @usableFromInline let normSquared: Double

    @inlinable init(target: Pose2D, tip: (x: Double, y: Double, phi: Double), task: IKTask) {
        rows = task.dimension
        let ephi = task == .pose ? Angle.difference(target.phi, tip.phi) : 0
        components = SIMD3(target.x - tip.x, target.y - tip.y, ephi)
        normSquared = (components * components).sum()
    }

    @inlinable var norm: Double { normSquared.squareRoot() }
}
