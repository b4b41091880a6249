import AutoDiff

/// What one sweep gives besides J (which it writes into the cache's `jacobian`): the tip (φ unwrapped) and J Jᵀ.
/// Only `SweepCache` makes one.
struct Sweep {
    let tip: (x: Double, y: Double, phi: Double)
    let gram: SmallSymmetric

    fileprivate init(tip: (x: Double, y: Double, phi: Double), gram: SmallSymmetric) {
        self.tip = tip; self.gram = gram
    }
}

/// The solver's only way to sweep the arm (tip, J and J Jᵀ in one forward-mode pass), and the keeper of the
/// last sweep of a solve for the next solve that starts at the same q.
///
/// Invariant: a solve depends on its q and target alone. A sweep that follows a fresh one may rotate the link
/// directions through the step instead of calling sincos (`LinkDirections`), so its J differs from a fresh one
/// by a rounding. The cache alone knows which sweeps were fresh, and `finish` keeps only a fresh one, so a
/// solve that starts from the cache starts from exactly what a fresh solver computes. A struct of pointers:
/// copies share state, and `deallocate()` releases it once.
struct SweepCache {
    /// J of the current sweep, row-major rows × n.
    let jacobian: UnsafeMutableBufferPointer<Double>
    /// The link lengths, copied so the hot loop never retains the arm's array.
    private let lengths: UnsafeMutableBufferPointer<Double>
    private let base: Point2D
    /// The link directions of the last sweep (read by the Newton rule for second derivatives).
    let directions: LinkDirections
    /// The q of the kept sweep.
    private let sweptQ: UnsafeMutableBufferPointer<Double>
    /// Rewritten in the hot loop: behind a pointer, as stored `var`s would cost an exclusivity check each access.
    private let state: UnsafeMutablePointer<State>
    private struct State {
        /// The kept sweep at `sweptQ` (whose J is in `jacobian`), if the last solve ended on a fresh sweep.
        var kept: Sweep?
        /// Whether the last sweep took its link directions from sincos (so the next may rotate them).
        var lastFresh = false
    }

    init(arm: PlanarArm, task: IKTask) {
        let n = arm.jointCount
        jacobian = .allocate(capacity: task.dimension * n); jacobian.initialize(repeating: 0)
        lengths = .allocate(capacity: n); _ = lengths.initialize(from: arm.links)
        base = arm.base
        directions = LinkDirections(count: n)
        sweptQ = .allocate(capacity: n); sweptQ.initialize(repeating: 0)
        state = .allocate(capacity: 1); state.initialize(to: State())
    }

    func deallocate() {
        jacobian.deallocate(); lengths.deallocate(); directions.deallocate(); sweptQ.deallocate()
        state.deinitialize(count: 1); state.deallocate()
    }

    /// The kept sweep if q has not changed since it (a solve's first sweep, when it can be had for free).
    /// Inlined: out of line it returned the sweep through memory, reloaded by wider loads than the stores.
    @inline(__always) func kept(at q: UnsafeMutableBufferPointer<Double>) -> Sweep? {
        guard let kept = state.pointee.kept, matchesKept(q) else { return nil }
        return kept
    }

    /// A sweep by sincos, forgetting any kept one.
    @inline(__always) func fresh<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _: Shape.Type) -> Sweep {
        sweep(q, Shape.self, mayRotate: false)
    }

    /// A sweep within a solve: rotates the directions after a fresh sweep and a small step, else fresh.
    @inline(__always) func next<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _: Shape.Type) -> Sweep {
        sweep(q, Shape.self, mayRotate: true)
    }

    /// Ends a solve at q, whose sweep `last` was the most recent: kept only if it was fresh.
    @inline(__always) func finish(at q: UnsafeMutableBufferPointer<Double>, last: Sweep) {
        for i in 0..<q.count { sweptQ[i] = q[i] }
        state.pointee.kept = state.pointee.lastFresh ? last : nil
    }

    /// Forgets the kept sweep (a caller that sweeps outside a solve, like the bench's single iteration).
    func forget() { state.pointee.kept = nil }

    @inline(__always) private func matchesKept(_ q: UnsafeMutableBufferPointer<Double>) -> Bool {
        for i in 0..<q.count where q[i] != sweptQ[i] { return false }
        return true
    }

    /// J Jᵀ is returned by value and the sweep inlined, so the iteration keeps it in registers.
    @inline(__always)
    private func sweep<Shape: TaskShape>(_ q: UnsafeMutableBufferPointer<Double>, _: Shape.Type, mayRotate: Bool) -> Sweep {
        let angles = UnsafeBufferPointer(q)
        let rotated = mayRotate && state.pointee.lastFresh && directions.rotate(to: angles)
        if !rotated { directions.refresh(angles) }
        state.pointee.lastFresh = !rotated
        var gram = SmallSymmetric(size: Shape.rows)
        let tip = PlanarArm.jacobianForward(lengths: UnsafeBufferPointer(lengths), base: base, directions: directions,
                                            task: Shape.task, into: jacobian, gram: &gram)
        return Sweep(tip: tip, gram: gram)
    }
}
