import ArmKit
import AutoDiff

/// One timed case: `run(count)` makes `count` calls and returns a value folded from every result, so the
/// optimiser cannot drop the work. Each call nudges q so no call can be hoisted out of the loop.
final class BenchWorkload {
    let name: String
    let run: (Int) -> Double
    init(_ name: String, _ run: @escaping (Int) -> Double) { self.name = name; self.run = run }
}

/// A joint-angle buffer that workloads mutate in place (owned here, freed with the suite).
final class AngleBuffer {
    let q: UnsafeMutableBufferPointer<Double>
    let jacobian: UnsafeMutableBufferPointer<Double>
    init(_ values: [Double], rows: Int) {
        q = .allocate(capacity: values.count)
        _ = q.initialize(from: values)
        jacobian = .allocate(capacity: rows * values.count)
        jacobian.initialize(repeating: 0)
    }
    deinit { q.deallocate(); jacobian.deallocate() }
}

/// The cases `armsim bench` measures for one arm size: equal links with the 2.4 m reach of the demo arm and
/// the circle of circle.json.
struct BenchSuite {
    let n: Int
    let arm: PlanarArm
    let scenario: Scenario

    init(links n: Int) throws {
        self.n = n
        let lengths = [Double](repeating: 2.4 / Double(n), count: n)
        arm = try PlanarArm(links: lengths)
        scenario = try BenchScenario.circle(links: lengths)
    }

    /// A kinematics case: every call nudges q[0] and folds the result in. All four kinematics cases share this
    /// loop, so their ratios compare the kinematics alone.
    @inline(__always)
    private func kinematics(_ name: String, _ buffer: AngleBuffer,
                            _ body: @escaping (UnsafeMutableBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Double)
    -> BenchWorkload {
        BenchWorkload(name) { count in
            let q = buffer.q, j = buffer.jacobian
            var acc = 0.0
            for _ in 0..<count {
                q[0] += 1e-12
                acc += body(q, j)
            }
            return acc
        }
    }

    func workloads() -> [BenchWorkload] {
        let arm = self.arm, n = self.n
        func angles() -> AngleBuffer { AngleBuffer(scenario.initial, rows: 2) }
        let workspace = KinematicsWorkspace(arm: arm)
        let solver = JacobianIKSolver(arm: arm, task: .position, config: scenario.solver, rest: scenario.initial)
        let dlsBuffer = angles()
        // Alternate between two targets 8 mm apart (about one frame of circle.json) so every iteration has a
        // real, tracking-sized error to remove.
        let targets = [Pose2D(x: 1.7, y: 0.4), Pose2D(x: 1.7, y: 0.408)]
        let simulator = Simulator(scenario: scenario)
        let replay = TrackingReplay(scenario: scenario)

        return [
            kinematics("fk", angles()) { q, _ in
                let tip = arm.tipPose { q[$0] }
                return tip.x + tip.y
            },
            // Forward mode as the product uses it: seeded through the prefix sum, O(n).
            kinematics("jacobian_forward", angles()) { q, j in
                arm.jacobianForward(UnsafeBufferPointer(q), task: .position, into: j)
                return j[0] + j[n]
            },
            // Whole-chain forward mode, n partials on every value: O(n²).
            kinematics("jacobian_forward_dense", angles()) { q, j in
                arm.jacobianForwardDense(UnsafeBufferPointer(q), task: .position, into: j)
                return j[0] + j[n]
            },
            kinematics("jacobian_reverse", angles()) { q, j in
                workspace.jacobianReverse(UnsafeBufferPointer(q), task: .position, into: j)
                return j[0] + j[n]
            },
            // The "manipulability" null-space objective's gradient, O(n) (was nested AD, O(n³)).
            kinematics("manipulability_gradient", angles()) { q, _ in
                ManipulabilityGradient.compute(arm: arm, q: Array(q), task: .position)[0]
            },
            BenchWorkload("dls_step") { count in
                var acc = 0.0
                for i in 0..<count { acc += solver.iterate(dlsBuffer.q, target: targets[i & 1]) }
                return acc + dlsBuffer.q[0]
            },
            BenchWorkload("tracking_solve") { count in replay.solveFrames(count) },
            BenchWorkload("tracking_frame") { count in
                var acc = 0.0
                for _ in 0..<count {
                    if simulator.isFinished { simulator.reset() }
                    simulator.advance { frame in acc += frame.error + Double(frame.iterations) }
                }
                return acc
            },
        ] + PictureBench.workloads(arm: arm, initial: scenario.initial, scenario: scenario) + secondOrderWorkloads()
    }
}
