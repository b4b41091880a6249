import Testing
import AutoDiff

/// A tape node carries one weight: the edge to parent0 is implicitly 1. A binary operation takes one node when an
/// edge is exactly 1 or an operand is a constant, and two (a scaling node, then the sum) otherwise. These tests
/// pin every branch of that choice: the recorded node count, and reverse-mode derivatives equal to forward mode's.
@Suite struct TapeNodeShapeTests {
    /// Each output exercises one recording branch; the comments name it.
    struct Branches: DifferentiableMap {
        func callAsFunction<T: ADReal>(_ v: [T]) -> [T] {
            let x = v[0], y = v[1]
            return [
                x + y,                          // both edges 1
                x.addingProduct(2.5, y),        // first edge 1
                3 * x + y,                      // second edge 1 (a folded scale of 3 on the first)
                T(5) * x,                       // constant first operand, non-unit edge
                x * T(-4),                      // constant second operand, non-unit edge
                x * y,                          // general: two nodes
                T.sin(x) / T.cos(y),            // general, with folded scales on both operands
                x * x,                          // general, both parents the same slot
            ]
        }
    }

    @Test(arguments: [[0.7, -1.3], [2.2, 0.4], [-0.05, 3.0]])
    func reverseMatchesForwardOnEveryBranch(point: [Double]) {
        let forward = jacobian(Branches(), at: point, mode: .forward)
        let reverse = jacobian(Branches(), at: point, mode: .reverse)
        for r in 0..<forward.rows {
            for c in 0..<forward.columns {
                #expect(abs(forward[r, c] - reverse[r, c]) <= 1e-14 * max(1, abs(forward[r, c])), "row \(r) col \(c)")
            }
        }
    }

    @Test func unitEdgesAndConstantsRecordOneNodeOthersTwo() {
        func nodes(_ body: (Tracked<Double>, Tracked<Double>) -> Tracked<Double>) -> Int {
            let tape = Tape<Double>()
            let x = tape.variable(0.8), y = tape.variable(-0.3)
            let before = tape.count
            _ = body(x, y)
            return tape.count - before
        }
        #expect(nodes { x, y in x + y } == 1)
        #expect(nodes { x, y in x.addingProduct(2.5, y) } == 1)
        #expect(nodes { x, y in 3 * x + y } == 1)
        #expect(nodes { x, _ in Tracked(5) * x } == 1)
        #expect(nodes { x, _ in x * Tracked(-4) } == 1)
        #expect(nodes { x, y in x * y } == 2)
        #expect(nodes { x, y in 3 * x + 2 * y } == 2)
    }

    @Test func nestedWeightsTakeTheGeneralFormAndStayExact() {
        // hvp runs the tape on Dual weights, where a unit primal can still carry a tangent: the Hessian of
        // f = x·y + x² + 3x·sin(y) along e_x is (∂²f/∂x², ∂²f/∂y∂x) = (2, 1 + 3cos y).
        struct F: DifferentiableScalarFunction {
            func callAsFunction<T: ADReal>(_ v: [T]) -> T { v[0] * v[1] + v[0] * v[0] + 3 * v[0] * T.sin(v[1]) }
        }
        let y = 0.6
        let h = hvp(F(), at: [1.3, y], along: [1, 0])
        #expect(abs(h[0] - 2) < 1e-14)
        #expect(abs(h[1] - (1 + 3 * Double.sincos(y).cos)) < 1e-14)
    }
}
