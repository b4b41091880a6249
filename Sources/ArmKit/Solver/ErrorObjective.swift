import AutoDiff

/// ½‖e(q)‖², the quantity DLS descends, written generically so nested AD gives its Hessian.
/// For the pose task the φ target is unwrapped next to `reference` so e_φ is the wrapped difference there.
struct ErrorObjective: DifferentiableScalarFunction {
    let arm: PlanarArm
    let target: Pose2D
    let task: IKTask
    let phiTarget: Double

    init(arm: PlanarArm, target: Pose2D, task: IKTask, reference q: [Double]) {
        self.arm = arm; self.target = target; self.task = task
        let phi = q.reduce(0, +)
        phiTarget = phi + Angle.difference(target.phi, phi)
    }

    func callAsFunction<T: ADReal>(_ q: [T]) -> T {
        let tip = arm.tipPose { q[$0] }
        let ex = T(target.x) - tip.x, ey = T(target.y) - tip.y
        var sum = ex * ex + ey * ey
        if task == .pose {
            let ephi = T(phiTarget) - tip.phi
            sum = sum + ephi * ephi
        }
        return 0.5 * sum
    }
}
