@testable import ArmKit
import AutoDiff

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
