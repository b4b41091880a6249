/// The task-space error e = target − current: (x, y) or (x, y, φ) with the angle wrapped to (−π, π].
@usableFromInline
struct TaskError {
    @usableFromInline var components: SIMD3<Double>
    @usableFromInline var rows: Int

    @inlinable init(target: Pose2D, tip: (x: Double, y: Double, phi: Double), task: IKTask) {
        rows = task.dimension
        let ephi = task == .pose ? Angle.wrapped(target.phi - tip.phi) : 0
        components = SIMD3(target.x - tip.x, target.y - tip.y, ephi)
    }

    @inlinable var norm: Double { (components * components).sum().squareRoot() }
}
