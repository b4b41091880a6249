import ArmKit

/// The second-order cases: H·v of L by forward over reverse, the Hessian of L, and one Newton and one LM step.
extension BenchSuite {
    /// The largest arm `newton_step` runs at: its eigen-decomposition is O(n³).
    static let newtonStepMaxLinks = 32

    func secondOrderWorkloads() -> [BenchWorkload] {
        let arm = self.arm, n = self.n
        let target = Pose2D(x: 1.7, y: 0.4)
        let loss = LossGradient(arm: arm)
        let buffers = SecondOrderBuffers(initial: scenario.initial)
        var cases = [
            BenchWorkload("hvp") { count in
                var acc = 0.0
                for _ in 0..<count {
                    buffers.q[0] += 1e-12
                    acc += loss.hessianVectorProduct(UnsafeBufferPointer(buffers.q), along: UnsafeBufferPointer(buffers.v),
                                                     target: target, task: .position, into: buffers.out)
                    acc += buffers.out[0]
                }
                return acc
            },
            BenchWorkload("hessian") { count in
                var acc = 0.0
                for _ in 0..<count {
                    buffers.q[0] += 1e-12
                    acc += arm.lossHessian(buffers.q, target: target, task: .position, into: buffers.hessian,
                                           jacobian: buffers.jacobian, scratch: buffers.out)
                }
                return acc
            },
        ]
        cases.append(step("lm_step", .lm))
        if n <= Self.newtonStepMaxLinks { cases.append(step("newton_step", .newton)) }
        return cases
    }

    /// One iteration of a method, as `dls_step` times DLS.
    private func step(_ name: String, _ method: SolverMethod) -> BenchWorkload {
        var config = scenario.solver
        config.method = method
        let solver = JacobianIKSolver(arm: arm, task: .position, config: config, rest: scenario.initial)
        let buffer = AngleBuffer(scenario.initial, rows: 2)
        let targets = [Pose2D(x: 1.7, y: 0.4), Pose2D(x: 1.7, y: 0.408)]
        return BenchWorkload(name) { count in
            var acc = 0.0
            for i in 0..<count { acc += solver.iterate(buffer.q, target: targets[i & 1]) }
            return acc + buffer.q[0]
        }
    }
}

/// q, a direction v and the outputs of the second-order cases (owned here, freed with the suite).
final class SecondOrderBuffers {
    let q: UnsafeMutableBufferPointer<Double>
    let v: UnsafeMutableBufferPointer<Double>
    let out: UnsafeMutableBufferPointer<Double>
    let hessian: UnsafeMutableBufferPointer<Double>
    let jacobian: UnsafeMutableBufferPointer<Double>

    init(initial: [Double]) {
        let n = initial.count
        q = .allocate(capacity: n); _ = q.initialize(from: initial)
        v = .allocate(capacity: n); for i in 0..<n { (v.baseAddress! + i).initialize(to: 1 / Double(i + 1)) }
        out = .allocate(capacity: n); out.initialize(repeating: 0)
        hessian = .allocate(capacity: n * n); hessian.initialize(repeating: 0)
        jacobian = .allocate(capacity: 2 * n); jacobian.initialize(repeating: 0)
    }

    deinit { q.deallocate(); v.deallocate(); out.deallocate(); hessian.deallocate(); jacobian.deallocate() }
}
