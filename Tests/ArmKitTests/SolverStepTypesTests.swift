import Foundation
import Testing
@testable import ArmKit

/// (q − 1)², counting its evaluations.
struct Parabola: LineSearchObjective {
    var loss: Double
    var evaluations = 0
    mutating func evaluate(at q: UnsafeMutableBufferPointer<Double>) { loss = (q[0] - 1) * (q[0] - 1); evaluations += 1 }
}

/// The solve loop's named steps, each on its own.
@Suite struct SolverStepTypesTests {
    func buffer(_ values: [Double]) -> UnsafeMutableBufferPointer<Double> {
        let b = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
        _ = b.initialize(from: values)
        return b
    }

    @Test func activeSetFreezesOnlyJointsPushedFurtherOut() {
        let limits = [JointLimit(lower: -1, upper: 1), JointLimit(lower: -1, upper: 1), JointLimit(lower: -1, upper: 1)]
        let set = JointLimitActiveSet(limits: limits)
        defer { set.deallocate() }
        // Joint 0 at its upper limit pushed up, joint 1 at its lower limit pushed up (inward), joint 2 free.
        let q = buffer([1, -1, 0.2]); defer { q.deallocate() }
        let j = buffer([1, 1, 1, 0, 0, 0]); defer { j.deallocate() }   // descent_i = J[0,i]·e_x
        let e = TaskResidual(target: Pose2D(x: 1, y: 0), tip: (0, 0, 0), task: .position)
        #expect(set.mark(q, jacobian: j, residual: e, PositionShape.self))
        #expect(Array(set.frozen) == [true, false, false])
        set.removeFrozenColumns(from: j, PositionShape.self)
        #expect(Array(j) == [0, 1, 1, 0, 0, 0])
        let outside = buffer([3, -3, 0.5]); defer { outside.deallocate() }
        set.clamp(outside)
        #expect(Array(outside) == [1, -1, 0.5])
        #expect(set.anyAtLimit(outside))
        let inside = buffer([0.5, 0, -0.5]); defer { inside.deallocate() }
        #expect(!set.anyAtLimit(inside))
    }

    @Test func nullSpaceMotionLeavesTheTaskAlone() {
        let arm = makeArm([1.0, 0.8, 0.6, 0.4])
        let q = buffer([0.3, 0.5, -0.4, 0.7]); defer { q.deallocate() }
        let j = buffer([Double](repeating: 0, count: 8)); defer { j.deallocate() }
        let jm = analyticJacobian(arm, Array(q), task: .position)
        for i in 0..<8 { j[i] = jm.elements[i] }
        let gram = SmallSymmetric(gramOf: j, rows: 2, columns: 4)
        let step = buffer([0, 0, 0, 0]); defer { step.deallocate() }
        let z = buffer([0, 0, 0, 0]); defer { z.deallocate() }
        let projection = NullSpaceProjection(objective: .rest, gain: 0.5, rest: [0, 0, 0, 0], limits: nil, arm: arm, task: .position)
        projection.add(to: step, at: q, jacobian: j, gram: gram, lambda: 0, z: z, bound: 10, PositionShape.self)
        // J·step = 0 (to rounding), and the motion is not nothing.
        for r in 0..<2 {
            let js = (0..<4).map { j[r * 4 + $0] * step[$0] }.reduce(0, +)
            #expect(abs(js) < 1e-12)
        }
        #expect(step.map { $0 * $0 }.reduce(0, +) > 1e-4)
        // A huge gain is bounded to the given length.
        for i in 0..<4 { step[i] = 0 }
        let huge = NullSpaceProjection(objective: .rest, gain: 1e155, rest: [0, 0, 0, 0], limits: nil, arm: arm, task: .position)
        huge.add(to: step, at: q, jacobian: j, gram: gram, lambda: 0, z: z, bound: 0.3, PositionShape.self)
        let norm = step.map { $0 * $0 }.reduce(0, +).squareRoot()
        #expect(abs(norm - 0.3) < 1e-12)
    }

    @Test func lineSearchHalvesUntilTheLossDrops() {
        // Loss (q − 1)²: from 0 (loss 1) a step of 3 overshoots to 4; one halving (to 1.5) gives 0.25.
        let q = buffer([3]), backup = buffer([0]), step = buffer([3])
        defer { q.deallocate(); backup.deallocate(); step.deallocate() }
        var parabola = Parabola(loss: 4)
        let outcome = LineSearch.backtrack(q, from: backup, along: step, activeSet: nil, before: 1, objective: &parabola)
        #expect(outcome.outcome == .descended && outcome.alpha == 0.5)
        #expect(q[0] == 1.5 && parabola.loss == 0.25 && parabola.evaluations == 1)
        // A step that only climbs is undone.
        q[0] = -1; step[0] = -1; parabola = Parabola(loss: 4)
        let up = LineSearch.backtrack(q, from: backup, along: step, activeSet: nil, before: 1, objective: &parabola)
        #expect(up.outcome == .noDescent && up.alpha == 0)
        #expect(q[0] == 0 && parabola.loss == 1)
        // Armijo: a decrease too small for the slope is halved further.
        q[0] = 3; step[0] = 3; parabola = Parabola(loss: 4)
        let armijo = LineSearch.backtrack(q, from: backup, along: step, activeSet: nil, before: 1, slope: 1.9, objective: &parabola)
        #expect(armijo.outcome == .descended && armijo.alpha == 0.25 && q[0] == 0.75)
    }

    @Test func saddleEscapeLeavesTheStretchedArmSaddle() {
        let arm = makeArm([1.0, 0.8, 0.6])
        let model = SolverModel(arm: arm, task: .position, config: SolverConfig(), rest: [])
        let q = buffer([0, 0, 0]), trial = buffer([0, 0, 0]), j = buffer([Double](repeating: 0, count: 6))
        defer { q.deallocate(); trial.deallocate(); j.deallocate() }
        let jm = analyticJacobian(arm, [0, 0, 0], task: .position)
        for i in 0..<6 { j[i] = jm.elements[i] }
        let target = Pose2D(x: 1.5, y: 0)
        let e = TaskResidual(target: target, tip: (2.4, 0, 0), task: .position)
        #expect(SaddleEscape.isStationary(e, gram: SmallSymmetric(gramOf: j, rows: 2, columns: 3), jacobian: j, PositionShape.self))
        #expect(SaddleEscape.escape(q, target: target, model: model, trial: trial))
        let tip = arm.tip(Array(q))
        #expect(hypot(tip.x - 1.5, tip.y) < 0.9)
        // A stretched arm aimed beyond its reach is at a true minimum: nothing to escape.
        q.initialize(repeating: 0)
        #expect(!SaddleEscape.escape(q, target: Pose2D(x: 3, y: 0), model: model, trial: trial))
        #expect(Array(q) == [0, 0, 0])
    }

    @Test func theStepRulesDifferOnlyAtSingularities() {
        let model = SolverModel(arm: makeArm([1.0, 0.8]), task: .position, config: SolverConfig(), rest: [])
        var regular = SmallSymmetric(size: 2); regular.a00 = 1; regular.a11 = 1
        var singular = SmallSymmetric(size: 2); singular.a00 = 1; singular.a11 = 0
        let e = TaskResidual(target: Pose2D(x: 1, y: 0), tip: (0, 0, 0), task: .position)
        #expect(DampedLeastSquaresRule().damping(regular, e, model) == 0)
        #expect(PseudoInverseRule().damping(regular, e, model) == 0)
        #expect(DampedLeastSquaresRule().damping(singular, e, model) == 0.05)
        #expect(PseudoInverseRule().damping(singular, e, model) == nil)
    }
}
