import Foundation
import Testing
@testable import ArmKit
import AutoDiff

/// The solver's second sweep of a step rotates the link directions it already has instead of calling sincos.
/// These bound what that costs in accuracy, and check that a step too large to rotate changes nothing.
@Suite struct LinkDirectionsTests {
    /// One ulp of 1.
    static let ulp = Double.ulpOfOne

    @Test func smallRotationMatchesTheLibraryToAnUlp() {
        // Both ends of the range, tiny and zero angles, and a dense sweep between.
        var deltas: [Double] = [0, 1e-300, -1e-300, 1e-9, LinkDirections.maxRotation, -LinkDirections.maxRotation]
        for k in -2000...2000 { deltas.append(LinkDirections.maxRotation * Double(k) / 2000) }
        for delta in deltas {
            let r = SmallRotation(delta)
            // cos δ − 1 = −2 sin²(δ/2) has no cancellation: a reference good to a few ulp of its own size.
            let half = Foundation.sin(delta / 2)
            let cosineMinusOne = -2 * half * half
            #expect(abs(r.cosineMinusOne - cosineMinusOne) <= 4 * Self.ulp * abs(cosineMinusOne), "δ = \(delta)")
            #expect(abs(r.sine - Foundation.sin(delta)) <= 2 * Self.ulp * abs(Foundation.sin(delta)), "δ = \(delta)")
        }
    }

    @Test func aRotatedSetStaysWithinTwoUlpOfAFreshOne() {
        var rng = SplitMix64(seed: 11)
        let n = 9
        let rotated = LinkDirections(count: n), fresh = LinkDirections(count: n)
        defer { rotated.deallocate(); fresh.deallocate() }
        var q = [Double](repeating: 0, count: n)
        var worst = 0.0
        for trial in 0..<2000 {
            // Anywhere, including angles far outside (−π, π] where glibc reduces the argument.
            let spread = trial % 4 == 0 ? 40.0 : 3.0
            for i in 0..<n { q[i] = Double.random(in: -spread...spread, using: &rng) }
            q.withUnsafeBufferPointer { rotated.refresh($0) }
            // A step that turns the last link by up to the limit (each θ_i is a prefix sum of the steps).
            var next = q
            let bound = LinkDirections.maxRotation / Double(n)
            for i in 0..<n { next[i] += Double.random(in: -bound...bound, using: &rng) }
            let moved = next.withUnsafeBufferPointer { rotated.rotate(to: $0) }
            #expect(moved)
            next.withUnsafeBufferPointer { fresh.refresh($0) }
            for i in 0..<n {
                #expect(rotated.theta[i] == fresh.theta[i])
                let d = rotated.unit[i] - fresh.unit[i]
                worst = max(worst, abs(d.x), abs(d.y))
            }
        }
        #expect(worst <= 2 * Self.ulp, "largest difference \(worst)")
        #expect(worst > 0, "the rotation ran: some value differs from sincos in its last bit")
    }

    @Test(arguments: [0.07, -0.5, 3.0, Double.nan])
    func aStepTooLargeToRotateChangesNoDirection(step: Double) {
        let directions = LinkDirections(count: 3)
        defer { directions.deallocate() }
        let q = [0.3, -0.2, 0.9]
        q.withUnsafeBufferPointer { directions.refresh($0) }
        let before = (0..<3).map { directions.unit[$0] }
        let anglesBefore = Array(directions.theta)
        // Only the last joint moves too far: the others are within range, and still nothing rotates.
        let next = [0.3 + 0.01, -0.2, 0.9 + step]
        let moved = next.withUnsafeBufferPointer { directions.rotate(to: $0) }
        #expect(!moved)
        for i in 0..<3 { #expect(directions.unit[i] == before[i]) }
        #expect(Array(directions.theta) == anglesBefore)
    }

    @Test func directionsAsDualsMatchForwardModeBitForBit() {
        let directions = LinkDirections(count: 4)
        defer { directions.deallocate() }
        let q = [0.4, 2.9, -1.7, 0.05]
        q.withUnsafeBufferPointer { directions.refresh($0) }
        var theta = 0.0
        for i in 0..<4 {
            theta += q[i]
            let expected = PlanarArm.direction(absoluteAngle: Dual<Double>(value: theta, tangent: 1))
            let got = directions.direction(i)
            #expect(got.x.value == expected.x.value && got.x.tangent == expected.x.tangent)
            #expect(got.y.value == expected.y.value && got.y.tangent == expected.y.tangent)
        }
    }

    /// What the solver computes: J and J Jᵀ from held directions, fresh or rotated, against `jacobianForward` (bit
    /// for bit when fresh) and the hand-derived oracle.
    @Test(arguments: [IKTask.position, .pose])
    func aJacobianFromHeldDirectionsMatchesForwardMode(task: IKTask) {
        var rng = SplitMix64(seed: 29)
        for _ in 0..<200 {
            let n = Int.random(in: 1...12, using: &rng)
            let arm = makeArm((0..<n).map { _ in Double.random(in: 0.1...1, using: &rng) },
                              base: Point2D(x: 0.3, y: -0.2))
            let q = (0..<n).map { _ in Double.random(in: -3...3, using: &rng) }
            let next = q.map { $0 + Double.random(in: -0.005...0.005, using: &rng) }
            let directions = LinkDirections(count: n)
            defer { directions.deallocate() }
            var held = [Double](repeating: 0, count: task.dimension * n)
            var expected = held
            var gram = SmallSymmetric(size: task.dimension)
            let lengths = arm.links
            for (angles, rotate) in [(q, false), (next, true)] {
                let moved: Bool = angles.withUnsafeBufferPointer { a in
                    if rotate { return directions.rotate(to: a) }
                    directions.refresh(a)
                    return false
                }
                #expect(moved == rotate)
                let tip = lengths.withUnsafeBufferPointer { l in held.withUnsafeMutableBufferPointer {
                    PlanarArm.jacobianForward(lengths: l, base: arm.base, directions: directions, task: task, into: $0, gram: &gram)
                } }
                let reference = angles.withUnsafeBufferPointer { a in expected.withUnsafeMutableBufferPointer {
                    arm.jacobianForward(a, task: task, into: $0)
                } }
                let oracle = analyticJacobian(arm, angles, task: task)
                if rotate {
                    for i in held.indices { #expect(abs(held[i] - oracle.elements[i]) <= 1e-12) }
                    #expect(abs(tip.x - reference.x) <= 1e-14 && abs(tip.y - reference.y) <= 1e-14)
                } else {
                    #expect(held == expected)
                    #expect(tip.x == reference.x && tip.y == reference.y && tip.phi == reference.phi)
                }
                // J Jᵀ from the same pass as J.
                let direct = held.withUnsafeMutableBufferPointer { SmallSymmetric(gramOf: $0, rows: task.dimension, columns: n) }
                #expect(abs(gram.a00 - direct.a00) <= 1e-12 * max(1, direct.a00))
                #expect(abs(gram.a01 - direct.a01) <= 1e-12 * max(1, abs(direct.a01)))
                #expect(abs(gram.a11 - direct.a11) <= 1e-12 * max(1, direct.a11))
            }
        }
    }
}
