/// One node of a reverse-mode recording: `node = parent0 + weight·parent1` in terms of adjoints, so the sweep
/// adds the node's adjoint to parent0 unchanged and `weight` times it to parent1.
/// - A binary operation whose local partial on one operand is exactly 1 (sums, `addingProduct`, anything whose
///   operand's folded scale cancels to 1) is one node with that operand as parent0. For a planar chain that is
///   every node, so a node is 16 bytes instead of 24 and the sweep does one multiply per node instead of two.
/// - Any other binary operation is two nodes: a scaling node `s = w0·a` (parent0 the sink) and then
///   `s + w1·b`. The adjoints come out exactly as with a two-weight node.
/// A missing parent (and a constant operand) points at slot 0, the tape's sink, which nobody reads.
@frozen
public struct TapeNode<T: ADReal> {
    public var parent0: Int32
    public var parent1: Int32
    public var weight: T
    @inlinable @inline(__always) init(parent0: Int32, parent1: Int32, weight: T) {
        self.parent0 = parent0; self.parent1 = parent1; self.weight = weight
    }
    /// A node with no parents: the sink (slot 0) and every input variable.
    @inlinable static var leaf: Self { TapeNode(parent0: 0, parent1: 0, weight: T(0)) }
}

/// The recording itself, reached through a stable pointer: `Tracked` values append to it without reference
/// counting or dynamic exclusivity checks (a class's stored properties would cost both on every operation).
@frozen
public struct TapeStorage<T: ADReal> {
    public var nodes: UnsafeMutablePointer<TapeNode<T>>
    public var count: Int
    public var capacity: Int
    /// Slots 1…leaves hold input variables recorded before any operation. They have no parents, so a sweep
    /// stops above them.
    public var leaves: Int

    @inlinable @inline(__always)
    mutating func record(_ node: TapeNode<T>) -> Int32 {
        if _slowPath(count == capacity) { grow() }
        let index = count
        (nodes + index).initialize(to: node)
        count = index &+ 1   // count < capacity: cannot overflow
        return Int32(truncatingIfNeeded: index)
    }

    /// A new input variable. Inputs recorded before any operation form the leading leaves a sweep skips.
    @inlinable @inline(__always)
    public mutating func variable(_ value: T, storage: UnsafeMutablePointer<TapeStorage<T>>) -> Tracked<T> {
        let index = record(.leaf)
        if Int(index) == leaves + 1 { leaves += 1 }
        return Tracked(value: value, index: index, storage: storage)
    }

    @usableFromInline @inline(never) mutating func grow() {
        let bigger = UnsafeMutablePointer<TapeNode<T>>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: nodes, count: count)
        nodes.deallocate()
        nodes = bigger
        capacity *= 2
    }
}

/// The hot-path operations on a tape's storage, as a plain value: a caller that records and sweeps in a tight
/// loop goes through this and never through the `Tape` object, so no call retains or releases it.
@frozen
public struct TapeHandle<T: ADReal> {
    public let storage: UnsafeMutablePointer<TapeStorage<T>>
    @inlinable public init(_ storage: UnsafeMutablePointer<TapeStorage<T>>) { self.storage = storage }

    /// Number of nodes recorded, slot 0 (the sink) included.
    @inlinable public var count: Int { storage.pointee.count }

    /// Forgets every recorded operation, keeping the buffers.
    @inlinable public func reset() {
        storage.pointee.nodes.deinitialize(count: storage.pointee.count)
        storage.pointee.nodes.initialize(to: .leaf)
        storage.pointee.count = 1
        storage.pointee.leaves = 0
    }

    /// A new input variable.
    @inlinable public func variable(_ value: T) -> Tracked<T> {
        storage.pointee.variable(value, storage: storage)
    }

    /// Records `values.count` input variables in consecutive slots and returns the first slot: input i is
    /// then `tracked(values[i], at: first + i)`, and its adjoint is at that slot after a sweep.
    @inlinable public func recordVariables(_ values: UnsafeBufferPointer<T>) -> Int32 {
        let first = count
        let end = first + values.count
        // One capacity check for the whole block, not one per input.
        while storage.pointee.capacity < end { storage.pointee.grow() }
        let nodes = storage.pointee.nodes
        for k in first..<end { (nodes + k).initialize(to: .leaf) }
        if first == storage.pointee.leaves + 1 { storage.pointee.leaves = end - 1 }   // still only inputs so far
        storage.pointee.count = end
        return Int32(truncatingIfNeeded: first)
    }

    /// A handle to a node already on this tape (as returned by `recordVariables`).
    @inlinable public func tracked(_ value: T, at slot: Int32) -> Tracked<T> {
        Tracked(value: value, index: slot, storage: storage)
    }
}

/// A reverse-mode (vector-Jacobian product) recording. Reuse one tape across evaluations: `reset()` keeps its
/// buffers, so after the first evaluation recording and sweeping allocate nothing.
///
/// The cost of a reverse sweep is linear in the number of recorded operations, whatever the number of inputs:
/// for an n-joint chain with 2 or 3 outputs that is O(n) for the whole Jacobian.
///
/// A tape is not thread-safe; a `Tracked` value is only meaningful while its tape is alive and not reset.
public final class Tape<T: ADReal> {
    public let storage: UnsafeMutablePointer<TapeStorage<T>>
    @usableFromInline var adjoints: UnsafeMutablePointer<T>
    @usableFromInline var adjointCapacity: Int

    public init(capacity: Int = 256) {
        let capacity = max(capacity, 2)
        storage = .allocate(capacity: 1)
        storage.initialize(to: TapeStorage(nodes: .allocate(capacity: capacity), count: 0, capacity: capacity, leaves: 0))
        adjointCapacity = capacity
        adjoints = .allocate(capacity: capacity)
        reset()
    }

    deinit {
        storage.pointee.nodes.deinitialize(count: storage.pointee.count)
        storage.pointee.nodes.deallocate()
        storage.deinitialize(count: 1)
        storage.deallocate()
        adjoints.deallocate()
    }

    /// The storage as a value for hot loops (valid while this tape is alive).
    @inlinable public var handle: TapeHandle<T> { TapeHandle(storage) }

    /// Number of nodes recorded, slot 0 (the sink) included.
    @inlinable public var count: Int { storage.pointee.count }

    /// Forgets every recorded operation, keeping the buffers.
    @inlinable public func reset() { handle.reset() }

    /// A new input variable on this tape.
    @inlinable public func variable(_ value: T) -> Tracked<T> { handle.variable(value) }

    @usableFromInline func ensureAdjointCapacity() {
        guard adjointCapacity < count else { return }
        adjoints.deallocate()
        adjointCapacity = storage.pointee.capacity
        adjoints = .allocate(capacity: adjointCapacity)
    }

    /// The reverse sweep from one output seeded with `seed`: afterwards `adjoint(of:)` gives ∂(seed·output)/∂x
    /// for every input x.
    public func pullback(from output: Tracked<T>, seed: T = T(1)) {
        ensureAdjointCapacity()
        adjoints.initialize(repeating: T(0), count: count)
        guard output.index > 0 else { return }
        adjoints[Int(output.index)] = seed * output.scale
        let nodes = storage.pointee.nodes
        var i = Int(output.index)
        let floor = storage.pointee.leaves
        while i > floor {
            let a = adjoints[i]
            let node = nodes[i]
            adjoints[Int(node.parent0)] = adjoints[Int(node.parent0)] + a
            adjoints[Int(node.parent1)] = adjoints[Int(node.parent1)] + node.weight * a
            i -= 1
        }
    }

    /// After `pullback`: the adjoint of an input variable (0 for constants). Only inputs are guaranteed a slot
    /// of their own: a unary result shares its operand's node (see `Tracked`).
    public func adjoint(of x: Tracked<T>) -> T {
        x.index > 0 && Int(x.index) < count ? adjoints[Int(x.index)] : T(0)
    }

    /// Records `values.count` input variables in consecutive slots; see `TapeHandle.recordVariables`.
    @inlinable public func recordVariables(_ values: UnsafeBufferPointer<T>) -> Int32 { handle.recordVariables(values) }

    /// A handle to a node already on this tape (as returned by `recordVariables`).
    @inlinable public func tracked(_ value: T, at slot: Int32) -> Tracked<T> { handle.tracked(value, at: slot) }
}

extension TapeHandle where T == Double {
    /// Several reverse sweeps in one: output r is seeded with the unit vector e_r of `A`, so afterwards
    /// `adjoints[i][r]` = ∂output_r/∂x_i for every input x_i in slot i. For a 2- or 3-row Jacobian this is one
    /// O(nodes) sweep.
    /// `adjoints` must hold at least `count` elements.
    @inlinable
    public func pullback<A: SIMD>(from outputs: UnsafeBufferPointer<Tracked<Double>>, into adjoints: UnsafeMutablePointer<A>)
    where A.Scalar == Double {
        adjoints.update(repeating: A(), count: count)
        var top = 0
        for (r, output) in outputs.enumerated() where output.index > 0 {
            // A whole-vector add, not a store to one lane: the sweep reloads the slot as a vector, and a store
            // narrower than that load cannot be forwarded to it (the load would wait for the store to retire).
            var seed = A()
            seed[r] = output.scale
            adjoints[Int(output.index)] += seed
            top = max(top, Int(output.index))
        }
        let nodes = storage.pointee.nodes
        var i = top
        let floor = storage.pointee.leaves
        // No branch on the parents: a constant operand's edge lands in the sink (slot 0), which nobody reads.
        // The leading inputs are not visited at all, so the sink sees only the few edges from constants.
        while i > floor {
            let a = adjoints[i]
            let node = nodes[i]
            adjoints[Int(node.parent0)] += a
            adjoints[Int(node.parent1)] += node.weight * a
            i -= 1
        }
    }
}
