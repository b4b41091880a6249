import ArmKit
import AutoDiff

/// The cases `armsim bench` measures for one arm size. Each workload nudges q between calls so no call can be
/// hoisted out of the loop, and folds every result into the returned value.
struct BenchSuite {
    let n: Int
    let arm: PlanarArm
    let scenario: Scenario

    init(links n: Int) throws {
        self.n = n
        // Equal links with the reach of the demo arm (2.4 m), a gently bent start, the circle of circle.json.
        let lengths = [Double](repeating: 2.4 / Double(n), count: n)
        arm = try PlanarArm(links: lengths)
        scenario = try BenchScenario.circle(links: lengths)
    }

    var initialQ: [Double] { scenario.initial }

    func fk(_ timer: inout BenchTimer) -> Double {
        var q = initialQ
        return q.withUnsafeMutableBufferPointer { q in
            timer.measure { count in
                var acc = 0.0
                for _ in 0..<count {
                    q[0] += 1e-12
                    let tip = arm.tipPose { q[$0] }
                    acc += tip.x + tip.y
                }
                return acc
            }
        }
    }

    func jacobianForward(_ timer: inout BenchTimer) -> Double {
        var q = initialQ
        var j = [Double](repeating: 0, count: 2 * n)
        return q.withUnsafeMutableBufferPointer { q in
            j.withUnsafeMutableBufferPointer { j in
                timer.measure { count in
                    var acc = 0.0
                    for _ in 0..<count {
                        q[0] += 1e-12
                        arm.jacobianForward(UnsafeBufferPointer(q), task: .position, into: j)
                        acc += j[0] + j[n]
                    }
                    return acc
                }
            }
        }
    }

    func jacobianSeparable(_ timer: inout BenchTimer) -> Double {
        var q = initialQ
        var j = [Double](repeating: 0, count: 2 * n)
        return q.withUnsafeMutableBufferPointer { q in
            j.withUnsafeMutableBufferPointer { j in
                timer.measure { count in
                    var acc = 0.0
                    for _ in 0..<count {
                        q[0] += 1e-12
                        arm.jacobianSeparable(UnsafeBufferPointer(q), task: .position, into: j)
                        acc += j[0] + j[n]
                    }
                    return acc
                }
            }
        }
    }

    func jacobianReverse(_ timer: inout BenchTimer) -> Double {
        let workspace = KinematicsWorkspace(arm: arm)
        var q = initialQ
        var j = [Double](repeating: 0, count: 2 * n)
        return q.withUnsafeMutableBufferPointer { q in
            j.withUnsafeMutableBufferPointer { j in
                timer.measure { count in
                    var acc = 0.0
                    for _ in 0..<count {
                        q[0] += 1e-12
                        workspace.jacobianReverse(UnsafeBufferPointer(q), task: .position, into: j)
                        acc += j[0] + j[n]
                    }
                    return acc
                }
            }
        }
    }

    func dlsStep(_ timer: inout BenchTimer) -> Double {
        let solver = JacobianIKSolver(arm: arm, task: .position, config: scenario.solver, rest: initialQ)
        var q = initialQ
        let targets = [Pose2D(x: 1.7, y: 0.4), Pose2D(x: 0.7, y: 0.4)]
        return q.withUnsafeMutableBufferPointer { q in
            timer.measure { count in
                var acc = 0.0
                for i in 0..<count {
                    // Alternate targets so every iteration has a real error to remove.
                    acc += solver.iterate(q, target: targets[i & 1])
                }
                return acc + q[0]
            }
        }
    }

    func trackingFrame(_ timer: inout BenchTimer) -> Double {
        let simulator = Simulator(scenario: scenario)
        return timer.measure { count in
            var acc = 0.0
            for _ in 0..<count {
                if simulator.isFinished { simulator.reset() }
                guard let frame = simulator.next() else { break }
                acc += frame.error + Double(frame.iterations)
            }
            return acc
        }
    }
}
