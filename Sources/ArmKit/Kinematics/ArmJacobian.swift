import AutoDiff

/// Jacobians of the tip through AD. Rows: x, y (and φ for the pose task); one column per joint.
/// Results are row-major `rows × n` buffers so the solver can reuse one allocation.
extension PlanarArm {
    /// Whole-chain forward mode: chunked duals (`DualVector`) through the generic `tipPose`, one sweep for up to
    /// 32 joints (wider arms take several). Every value carries n partials, so the work is O(n²); it is the
    /// general-purpose mode (no structure assumed) and a cross-check of `jacobianForward`. The same sweep yields
    /// the tip pose (φ unwrapped), which it returns.
    @inlinable @discardableResult
    public func jacobianForwardDense(_ q: UnsafeBufferPointer<Double>, task: IKTask,
                                     into jacobian: UnsafeMutableBufferPointer<Double>) -> (x: Double, y: Double, phi: Double) {
        precondition(q.count == jointCount && jacobian.count >= task.dimension * jointCount)
        return withPartials(atLeast: jointCount, ForwardArmJacobian(arm: self, q: q, rows: task.dimension, out: jacobian))
    }

    /// Convenience: an allocated matrix by any of the three modes (they agree to rounding).
    public func jacobian(_ q: [Double], task: IKTask = .position, mode: JacobianMode = .forward) -> Matrix {
        var m = Matrix(rows: task.dimension, columns: jointCount)
        _ = q.withUnsafeBufferPointer { q in
            m.elements.withUnsafeMutableBufferPointer { out in
                switch mode {
                case .forward: jacobianForward(q, task: task, into: out)
                case .dense: jacobianForwardDense(q, task: task, into: out)
                case .reverse: KinematicsWorkspace(arm: self).jacobianReverse(q, task: task, into: out)
                }
            }
        }
        return m
    }
}

/// The three AD routes to J, one name each: `jacobianForward` (buffer form) / `.forward`, `jacobianForwardDense` /
/// `.dense`, `jacobianReverse` (on a `KinematicsWorkspace`) / `.reverse`.
public enum JacobianMode: String, Sendable, Equatable, CaseIterable {
    /// Forward mode seeded through the prefix sum: one sincos per joint, what the solver uses.
    case forward
    /// Whole-chain forward mode, n partials on every value: no structure assumed, O(n²).
    case dense
    /// Reverse mode: one tape, one sweep for all rows.
    case reverse
}

@usableFromInline
struct ForwardArmJacobian: PartialsVisitor {
    @usableFromInline let arm: PlanarArm
    @usableFromInline let q: UnsafeBufferPointer<Double>
    @usableFromInline let rows: Int
    @usableFromInline let out: UnsafeMutableBufferPointer<Double>

    @inlinable init(arm: PlanarArm, q: UnsafeBufferPointer<Double>, rows: Int, out: UnsafeMutableBufferPointer<Double>) {
        self.arm = arm; self.q = q; self.rows = rows; self.out = out
    }

    @inlinable
    func visit<P: Partials>(_: P.Type) -> (x: Double, y: Double, phi: Double) {
        let n = q.count
        let width = P.width
        var pose = (x: 0.0, y: 0.0, phi: 0.0)
        var start = 0
        while start < n {
            let end = min(start + width, n)
            let tip: (x: DualVector<P>, y: DualVector<P>, phi: DualVector<P>)
            if start == 0 && end == n {
                tip = arm.tipPose { i in DualVector<P>(variable: q[i], slot: i) }
            } else {
                tip = arm.tipPose { i in
                    i >= start && i < end ? DualVector<P>(variable: q[i], slot: i - start) : DualVector<P>(q[i])
                }
            }
            for j in start..<end {
                out[j] = tip.x.partials[j - start]
                out[n + j] = tip.y.partials[j - start]
                if rows == 3 { out[2 * n + j] = tip.phi.partials[j - start] }
            }
            pose = (tip.x.value, tip.y.value, tip.phi.value)
            start = end
        }
        return pose
    }
}
