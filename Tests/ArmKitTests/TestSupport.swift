@testable import ArmKit
import AutoDiff

/// A seeded generator so random tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func makeArm(_ links: [Double], base: Point2D = .origin, limits: [JointLimit]? = nil) -> PlanarArm {
    // Test arms are valid by construction; a failure here is a bug in the test.
    try! PlanarArm(links: links, base: base, limits: limits)
}

/// The hand-derived planar Jacobian: an oracle for tests only, never used by the product.
func analyticJacobian(_ arm: PlanarArm, _ q: [Double], task: IKTask) -> Matrix {
    let n = arm.jointCount
    var theta = [Double](repeating: 0, count: n)
    var acc = 0.0
    for i in 0..<n { acc += q[i]; theta[i] = acc }
    var j = Matrix(rows: task.dimension, columns: n)
    for col in 0..<n {
        var sx = 0.0, sy = 0.0
        for i in col..<n { sx -= arm.links[i] * sin(theta[i]); sy += arm.links[i] * cos(theta[i]) }
        j[0, col] = sx; j[1, col] = sy
        if task == .pose { j[2, col] = 1 }
    }
    return j
}

#if canImport(Glibc)
import Glibc
#endif
