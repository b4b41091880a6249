import Testing
@testable import AutoDiff

/// A tape's nodes live in one block with its header; a full block gets a larger successor instead of moving,
/// because values in flight point at it. These tests record far past the first block's capacity and check
/// that nothing is lost: values made before the growth still record (through the slow path), and the sweep
/// sees every node.
@Suite struct TapeGrowthTests {
    /// f(x) = Σ_i sin(x_i · x_{i+1}) + x_0·x_{n−1}, whose gradient is known in closed form.
    func value(_ x: [Double]) -> Double {
        var f = x[0] * x[x.count - 1]
        for i in 0..<(x.count - 1) { f += Foundation_sin(x[i] * x[i + 1]) }
        return f
    }
    func analyticGradient(_ x: [Double]) -> [Double] {
        let n = x.count
        var g = [Double](repeating: 0, count: n)
        g[0] += x[n - 1]; g[n - 1] += x[0]
        for i in 0..<(n - 1) {
            let c = Foundation_cos(x[i] * x[i + 1])
            g[i] += c * x[i + 1]; g[i + 1] += c * x[i]
        }
        return g
    }

    @Test(arguments: [2, 3, 17])
    func recordingThatOutgrowsItsBlockKeepsEveryNode(capacity: Int) {
        let x = (0..<90).map { Double($0 % 13) * 0.11 - 0.6 }
        let tape = Tape<Double>(capacity: capacity)
        // All inputs first: their values point at the first block, which is outgrown long before the last use.
        let inputs = x.map { tape.variable($0) }
        var f = inputs[0] * inputs[x.count - 1]
        for i in 0..<(x.count - 1) { f = f + Tracked.sin(inputs[i] * inputs[i + 1]) }
        #expect(abs(f.value - value(x)) <= 1e-12)
        tape.pullback(from: f)
        let expected = analyticGradient(x)
        for i in x.indices {
            #expect(abs(tape.adjoint(of: inputs[i]) - expected[i]) <= 1e-12, "input \(i)")
        }
        // Every operation here records two nodes or one; the count must include them all.
        #expect(tape.count > 2 * x.count)
    }

    @Test func aStaleValueRecordsOnTheLiveBlock() {
        let tape = Tape<Double>(capacity: 2)
        let a = tape.variable(1.5)                       // points at the first block
        let first = a.storage!
        var s = a
        for _ in 0..<20 { s = s + a }                    // grows the tape several times
        #expect(first.pointee.successor != nil)
        #expect(first.pointee.capacity == 0)
        let before = tape.count
        let t = a * a                                    // recorded through the outgrown block
        #expect(tape.count == before + 2)                // landed on the live block, not on the old one
        tape.pullback(from: t)
        #expect(tape.adjoint(of: a) == 3.0)              // d(a²)/da = 2a
        tape.pullback(from: s)
        #expect(tape.adjoint(of: a) == 21)
    }

    @Test func afterResetTheHandleRecordsOnTheLargestBlock() {
        let tape = Tape<Double>(capacity: 2)
        let x = tape.variable(0.3)
        var s = x
        for _ in 0..<100 { s = s + x }
        tape.reset()
        let live = tape.handle.storage
        #expect(live.pointee.successor == nil)
        #expect(live.pointee.capacity >= 101)
        // A second recording of the same size now fits without growing.
        let y = tape.variable(0.3)
        var u = y
        for _ in 0..<100 { u = u + y }
        #expect(tape.handle.storage == live)
        tape.pullback(from: u)
        #expect(tape.adjoint(of: y) == 101)
    }
}

import Foundation
private func Foundation_sin(_ x: Double) -> Double { Foundation.sin(x) }
private func Foundation_cos(_ x: Double) -> Double { Foundation.cos(x) }
