import Testing
import Foundation
@testable import AutoDiff

/// A tape's nodes live in one block with its header; a full block gets a larger successor instead of moving,
/// because values in flight point at it. These tests record far past the first block's capacity and check
/// that nothing is lost: values made before the growth still record (through the slow path), and the sweep
/// sees every node.
@Suite struct TapeGrowthTests {
    /// f(x) = Σ_i sin(x_i · x_{i+1}) + x_0·x_{n−1}, whose gradient is known in closed form.
    func value(_ x: [Double]) -> Double {
        var f = x[0] * x[x.count - 1]
        for i in 0..<(x.count - 1) { f += Foundation.sin(x[i] * x[i + 1]) }
        return f
    }
    func analyticGradient(_ x: [Double]) -> [Double] {
        let n = x.count
        var g = [Double](repeating: 0, count: n)
        g[0] += x[n - 1]; g[n - 1] += x[0]
        for i in 0..<(n - 1) {
            let c = Foundation.cos(x[i] * x[i + 1])
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

/// Slots keep the nodes of earlier recordings (only the leading inputs' slots go unwritten, since no sweep reads
/// them). An input recorded after an operation is swept like a node, so its slot must be rewritten as a leaf.
@Suite struct ReusedSlotTests {
    @Test func inputsAfterAnOperationOverwriteStaleNodes() {
        let tape = Tape<Double>(capacity: 4)
        // Fill many slots with non-leaf nodes.
        let a = tape.variable(0.5), b = tape.variable(-1.25)
        var s = a * b
        for _ in 0..<30 { s = s * b + a }
        tape.reset()
        let x = tape.variable(1.5)
        let y = x * x                                    // an operation: later inputs are not leading
        let z = tape.variable(-0.75)                     // one input, through `variable`
        let w = [2.0, 3.0].withUnsafeBufferPointer { values in
            let first = tape.handle.recordVariables(values)     // two more, through `recordVariables`
            return (tape.handle.tracked(2.0, at: first), tape.handle.tracked(3.0, at: first + 1))
        }
        let out = y * z + w.0 * w.1 * x
        tape.pullback(from: out)
        #expect(tape.adjoint(of: x) == 2 * 1.5 * -0.75 + 6)   // 2xz + w0·w1
        #expect(tape.adjoint(of: z) == 1.5 * 1.5)
        #expect(tape.adjoint(of: w.0) == 3 * 1.5)
        #expect(tape.adjoint(of: w.1) == 2 * 1.5)
    }

    @Test func beginRecordingGrowsATapeTooSmallForItsInputs() {
        let tape = Tape<Double>(capacity: 2)
        let x = (0..<40).map { Double($0) * 0.1 }
        let handle = tape.handle
        let first = x.withUnsafeBufferPointer { handle.beginRecording($0) }
        let inputs = x.indices.map { handle.tracked(x[$0], at: first + Int32($0)) }
        var f = Tracked<Double>(0)
        for (i, v) in inputs.enumerated() { f = f + Double(i + 1) * (v * v) }
        tape.pullback(from: f)
        for i in x.indices { #expect(abs(tape.adjoint(of: inputs[i]) - 2 * Double(i + 1) * x[i]) <= 1e-12) }
    }
}
