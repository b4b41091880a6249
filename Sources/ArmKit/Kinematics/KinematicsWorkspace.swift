import AutoDiff

/// Reusable scratch for reverse-mode Jacobians of one arm: the tape and the adjoint buffer.
/// After the first call, computing a Jacobian allocates nothing. Not thread-safe: one per solver.
public final class KinematicsWorkspace {
    public let arm: PlanarArm
    @usableFromInline let tape: Tape<Double>
    /// Sized once for FK's recording, so the hot path reads no mutable class state (no exclusivity checks).
    @usableFromInline let adjoints: UnsafeMutablePointer<SIMD4<Double>>
    @usableFromInline let adjointCapacity: Int

    public init(arm: PlanarArm) {
        self.arm = arm
        // FK records at most 1 leaf + 3 nodes per joint (θ, x, y; sin and cos fold into the x and y edges).
        let nodes = 4 * arm.jointCount + 8
        tape = Tape(capacity: nodes)
        adjointCapacity = nodes
        // Zero once here: each sweep leaves the buffer zero again (see `TapeHandle.sweep(from:clearing:)`).
        adjoints = .allocate(capacity: nodes)
        adjoints.initialize(repeating: SIMD4(), count: nodes)
    }

    deinit { adjoints.deallocate() }

    /// Reverse mode: one recording of FK, then one sweep carrying all 2 or 3 output rows at once (SIMD adjoints).
    /// Returns the tip pose (φ unwrapped) that the recording computed.
    @inlinable @discardableResult
    public func jacobianReverse(_ q: UnsafeBufferPointer<Double>, task: IKTask,
                                into jacobian: UnsafeMutableBufferPointer<Double>) -> (x: Double, y: Double, phi: Double) {
        let n = arm.jointCount
        precondition(q.count == n && jacobian.count >= task.dimension * n)
        // A value handle: the workspace keeps the tape alive, and no call below retains or releases it.
        let tape = self.tape.handle
        let first = tape.beginRecording(q)
        // i < n and the tape holds the n inputs, so the slot fits in Int32: no overflow checks per joint.
        let tip = arm.tipPose { i in tape.tracked(q[i], at: first &+ Int32(truncatingIfNeeded: i)) }
        precondition(tape.count <= adjointCapacity, "FK recorded more nodes than the workspace was sized for")
        let base = Int(first)
        if task == .position {
            // Two rows: half-width adjoints halve the sweep's memory traffic.
            adjoints.withMemoryRebound(to: SIMD2<Double>.self, capacity: 2 * adjointCapacity) { two in
                Self.sweep(tip, rows: 2, on: tape, adjoints: two, inputs: base, joints: n, into: jacobian)
            }
        } else {
            Self.sweep(tip, rows: 3, on: tape, adjoints: adjoints, inputs: base, joints: n, into: jacobian)
        }
        return (tip.x.value, tip.y.value, tip.phi.value)
    }

    /// One sweep for the tip's first `rows` outputs (x, y, then φ), read out into J's rows. The inputs' slots are
    /// cleared as they are read, which leaves the buffer zero for the next call.
    @inlinable @inline(__always)
    static func sweep<A: SIMD>(_ tip: (x: Tracked<Double>, y: Tracked<Double>, phi: Tracked<Double>), rows: Int,
                               on tape: TapeHandle<Double>, adjoints: UnsafeMutablePointer<A>, inputs base: Int,
                               joints n: Int, into jacobian: UnsafeMutableBufferPointer<Double>) where A.Scalar == Double {
        var top = max(tape.seed(tip.x, row: 0, into: adjoints), tape.seed(tip.y, row: 1, into: adjoints))
        if rows == 3 { top = max(top, tape.seed(tip.phi, row: 2, into: adjoints)) }
        tape.sweep(from: top, clearing: adjoints)
        for j in 0..<n {
            let a = adjoints[base &+ j]
            adjoints[base &+ j] = A()
            for r in 0..<rows { jacobian[r &* n &+ j] = a[r] }
        }
    }
}
