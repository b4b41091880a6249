import Testing
@testable import ArmKit
import AutoDiff

/// The O(n²) Hessian of L and the O(n) H·v against the general nested-AD `hessian` verb on `ErrorObjective`
/// and against central differences of the gradient.
@Suite struct LossHessianTests {
    func randomArm(_ rng: inout SplitMix64) -> (PlanarArm, [Double], Pose2D, IKTask) {
        let n = 1 + Int(rng.next() % 9)
        let links = (0..<n).map { _ in 0.2 + Double.random(in: 0..<1, using: &rng) }
        let q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
        let target = Pose2D(x: Double.random(in: -2...2, using: &rng), y: Double.random(in: -2...2, using: &rng),
                            phi: Double.random(in: -3...3, using: &rng))
        return (makeArm(links), q, target, rng.next() % 2 == 0 ? .position : .pose)
    }

    @Test func hessianAndHVPMatchNestedADOnRandomArms() {
        var rng = SplitMix64(seed: 0x4e55)
        for trial in 0..<300 {
            let (arm, q0, target, task) = randomArm(&rng)
            let n = arm.jointCount
            var q = q0
            var h = [Double](repeating: 0, count: n * n), j = [Double](repeating: 0, count: task.dimension * n)
            var scratch = [Double](repeating: 0, count: n)
            let loss = q.withUnsafeMutableBufferPointer { qb in
                h.withUnsafeMutableBufferPointer { hb in
                    j.withUnsafeMutableBufferPointer { jb in
                        scratch.withUnsafeMutableBufferPointer { arm.lossHessian(qb, target: target, task: task, into: hb, jacobian: jb, scratch: $0) }
                    }
                }
            }
            let objective = ErrorObjective(arm: arm, target: target, task: task, reference: q0)
            let reference = hessian(objective, at: q0)
            let scale = max(1, reference.elements.map { abs($0) }.max()!)
            for a in 0..<n { for b in 0..<n { #expect(abs(h[a * n + b] - reference[a, b]) <= 1e-12 * scale, "trial \(trial)") } }
            #expect(abs(loss - (objective(q0) as Double)) <= 1e-12 * max(1, loss))
            // H·v by forward over reverse, against the formed H.
            let v = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            var hv = [Double](repeating: 0, count: n)
            let probe = LossGradient(arm: arm)
            defer { probe.deallocate() }
            q0.withUnsafeBufferPointer { qb in
                v.withUnsafeBufferPointer { vb in
                    hv.withUnsafeMutableBufferPointer { probe.hessianVectorProduct(qb, along: vb, target: target, task: task, into: $0) }
                }
            }
            for a in 0..<n {
                let expected = (0..<n).reduce(0.0) { $0 + h[a * n + $1] * v[$1] }
                #expect(abs(hv[a] - expected) <= 1e-11 * scale, "trial \(trial) row \(a)")
            }
        }
    }

    @Test func gradientMatchesCentralDifferences() {
        var rng = SplitMix64(seed: 0x9a7d)
        for trial in 0..<200 {
            let (arm, q0, target, task) = randomArm(&rng)
            let n = arm.jointCount
            let probe = LossGradient(arm: arm)
            defer { probe.deallocate() }
            var g = [Double](repeating: 0, count: n)
            let value = q0.withUnsafeBufferPointer { qb in g.withUnsafeMutableBufferPointer { probe.gradient(qb, target: target, task: task, into: $0) } }
            let objective = ErrorObjective(arm: arm, target: target, task: task, reference: q0)
            #expect(abs(value - (objective(q0) as Double)) <= 1e-12 * max(1, value))
            for i in 0..<n {
                let h = 1e-6
                var plus = q0, minus = q0
                plus[i] += h; minus[i] -= h
                let fd = ((objective(plus) as Double) - (objective(minus) as Double)) / (2 * h)
                #expect(abs(g[i] - fd) <= 1e-6 * max(1, abs(fd)), "trial \(trial) joint \(i)")
            }
        }
    }

    @Test func heldDirectionsGiveTheNestedDualsOfSincosBitForBit() {
        var rng = SplitMix64(seed: 0x2d2d)
        let n = 40
        var q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
        let directions = LinkDirections(count: n)
        defer { directions.deallocate() }
        q.withUnsafeMutableBufferPointer { directions.refresh(UnsafeBufferPointer($0)) }
        var theta = 0.0
        for i in 0..<n {
            theta += q[i]
            let seed = Dual<Dual<Double>>(value: Dual(value: theta, tangent: 1), tangent: Dual(value: 1, tangent: 0))
            let expected = PlanarArm.direction(absoluteAngle: seed)
            let got = directions.secondOrder(i)
            #expect(got.x.value.value == expected.x.value.value && got.x.value.tangent == expected.x.value.tangent)
            #expect(got.x.tangent.value == expected.x.tangent.value && got.x.tangent.tangent == expected.x.tangent.tangent)
            #expect(got.y.value.value == expected.y.value.value && got.y.value.tangent == expected.y.value.tangent)
            #expect(got.y.tangent.value == expected.y.tangent.value && got.y.tangent.tangent == expected.y.tangent.tangent)
        }
    }
}
