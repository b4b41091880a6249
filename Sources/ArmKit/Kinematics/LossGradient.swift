import AutoDiff

/// L(q) = ½‖e(q)‖² and its gradient by reverse mode through the chain, written once over any scalar, so forward
/// mode over it (`Dual<Double>` with tangent v) gives the Hessian-vector product H·v: forward over reverse, O(n),
/// without forming H.
///
/// The reverse sweep is FK's, unrolled for the chain: the tip's adjoint is −e; link element i passes
/// L_i·(e_x sin θ_i − e_y cos θ_i) to θ_i (φ = θ_{n−1} adds −e_φ to the last); and the adjoint of the prefix sum
/// θ = P q is its transpose, a suffix sum. The forward sweep's sines and cosines are the tape.
public struct LossGradient {
    let sines: UnsafeMutableBufferPointer<Dual<Double>>
    let cosines: UnsafeMutableBufferPointer<Dual<Double>>
    let gradient: UnsafeMutableBufferPointer<Dual<Double>>
    let lengths: UnsafeMutableBufferPointer<Double>
    let base: Point2D

    /// Buffers for an arm; release them with `deallocate()`.
    public init(arm: PlanarArm) {
        let n = arm.jointCount
        sines = .allocate(capacity: n); sines.initialize(repeating: Dual(0))
        cosines = .allocate(capacity: n); cosines.initialize(repeating: Dual(0))
        gradient = .allocate(capacity: n); gradient.initialize(repeating: Dual(0))
        lengths = .allocate(capacity: n); _ = lengths.initialize(from: arm.links)
        base = arm.base
    }

    public func deallocate() { sines.deallocate(); cosines.deallocate(); gradient.deallocate(); lengths.deallocate() }

    /// H·v of L at q into `out` (forward over reverse); returns L.
    @discardableResult
    public func hessianVectorProduct(_ q: UnsafeBufferPointer<Double>, along v: UnsafeBufferPointer<Double>,
                                     target: Pose2D, task: IKTask, into out: UnsafeMutableBufferPointer<Double>) -> Double {
        let loss = Self.gradient(lengths: UnsafeBufferPointer(lengths), base: base, target: target, task: task,
                                 angle: { Dual(value: q[$0], tangent: v[$0]) }, sines: sines, cosines: cosines,
                                 into: gradient)
        for i in 0..<q.count { out[i] = gradient[i].tangent }
        return loss.value
    }

    /// ∇L at q into `out`; returns L.
    @discardableResult
    public func gradient(_ q: UnsafeBufferPointer<Double>, target: Pose2D, task: IKTask,
                         into out: UnsafeMutableBufferPointer<Double>) -> Double {
        let loss = Self.gradient(lengths: UnsafeBufferPointer(lengths), base: base, target: target, task: task,
                                 angle: { Dual(value: q[$0], tangent: 0) }, sines: sines, cosines: cosines,
                                 into: gradient)
        for i in 0..<q.count { out[i] = gradient[i].value }
        return loss.value
    }

    /// The sweep over any scalar: L, with ∇L in `g`. `sines`/`cosines` hold the forward sweep for the reverse one.
    @inlinable
    static func gradient<T: ADReal>(lengths: UnsafeBufferPointer<Double>, base: Point2D, target: Pose2D, task: IKTask,
                                    angle: (Int) -> T, sines: UnsafeMutableBufferPointer<T>,
                                    cosines: UnsafeMutableBufferPointer<T>, into g: UnsafeMutableBufferPointer<T>) -> T {
        let n = lengths.count
        var theta = T(0), x = T(base.x), y = T(base.y)
        for i in 0..<n {
            theta = theta + angle(i)
            let (s, c) = T.sincos(theta)
            sines[i] = s; cosines[i] = c
            x = x.addingProduct(lengths[i], c)
            y = y.addingProduct(lengths[i], s)
        }
        let ex = T(target.x) - x, ey = T(target.y) - y
        var ephi = T(0)
        if task == .pose {
            let phi = theta.primal
            ephi = T(phi + Angle.difference(target.phi, phi)) - theta
        }
        var adjoint = -ephi
        var i = n - 1
        while i >= 0 {
            adjoint = adjoint + lengths[i] * (ex * sines[i] - ey * cosines[i])
            g[i] = adjoint
            i -= 1
        }
        return 0.5 * (ex * ex + ey * ey + ephi * ephi)
    }
}
