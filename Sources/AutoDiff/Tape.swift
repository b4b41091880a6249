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

/// The recording itself: one block of memory, this header followed by the nodes. `Tracked` values reach it
/// through a stable pointer and append to it without reference counting or dynamic exclusivity checks (a
/// class's stored properties would cost both on every operation).
///
/// The nodes sit at a fixed offset after the header and are addressed from the block's own pointer with a
/// 32-bit slot, so the optimiser can prove that a node store never touches `count` or `capacity`. Across a run
/// of recorded operations the count then stays in a register, where a separately allocated node array forced a
/// reload of both after every node store (measurements: docs/performance.md).
///
/// A full block is not reallocated in place, since values in flight point at it. It gets a successor (twice as
/// large, holding a copy of every node) and a capacity of 0, so anything recorded through it afterwards takes
/// the slow path to the live block. The tape frees the chain when it goes.
@frozen
public struct TapeStorage<T: ADReal> {
    /// Nodes recorded and room for them, in 32 bits like a slot: loaded zero-extended, a count addresses the
    /// next node with no masking, and the zero extension is what shows the optimiser that the node lies past
    /// the header. Both stay ≤ Int32.max.
    @usableFromInline var used: UInt32
    @usableFromInline var room: UInt32
    /// Nodes recorded, slot 0 (the sink) included.
    @inlinable public var count: Int {
        get { Int(used) }
        set { used = UInt32(truncatingIfNeeded: newValue) }
    }
    /// Nodes this block can hold; 0 once it is outgrown.
    @inlinable public var capacity: Int {
        get { Int(room) }
        set { room = UInt32(truncatingIfNeeded: newValue) }
    }
    /// Slots 1…leaves hold input variables recorded before any operation. They have no parents, so a sweep
    /// stops above them.
    public var leaves: Int
    /// The block that took over when this one filled up; nil for the live block.
    @usableFromInline var successor: UnsafeMutablePointer<TapeStorage<T>>?

    /// Bytes from a block's start to its first node: the header, rounded up to the nodes' alignment.
    @inlinable static var nodeOffset: Int {
        let align = MemoryLayout<TapeNode<T>>.alignment
        return (MemoryLayout<Self>.stride + align - 1) / align * align
    }

    /// A new, empty block for `capacity` nodes.
    @usableFromInline static func allocateBlock(capacity: Int) -> UnsafeMutablePointer<Self> {
        precondition(capacity <= Int(Int32.max), "a tape holds at most Int32.max nodes")
        assert(_isPOD(TapeNode<T>.self), "tape nodes must be plain values: blocks are copied and freed as bytes")
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: nodeOffset + capacity * MemoryLayout<TapeNode<T>>.stride,
            alignment: Swift.max(MemoryLayout<Self>.alignment, MemoryLayout<TapeNode<T>>.alignment))
        // Every slot starts as a leaf and is only ever overwritten with nodes, so all of a block is initialized
        // memory: a new recording's leading inputs can take their slots without writing them.
        (raw + nodeOffset).bindMemory(to: TapeNode<T>.self, capacity: capacity).initialize(repeating: .leaf, count: capacity)
        let block = raw.bindMemory(to: Self.self, capacity: 1)
        block.initialize(to: TapeStorage(used: 0, room: UInt32(capacity), leaves: 0, successor: nil))
        return block
    }

    /// Frees a block and every successor it has.
    @usableFromInline static func deallocateChain(_ first: UnsafeMutablePointer<Self>) {
        var next: UnsafeMutablePointer<Self>? = first
        while let block = next {
            next = block.pointee.successor
            block.deinitialize(count: 1)   // nodes are plain values (see `allocateBlock`): nothing to deinitialize
            UnsafeMutableRawPointer(block).deallocate()
        }
    }

    /// The block's nodes.
    @inlinable @inline(__always)
    public static func nodes(of block: UnsafeMutablePointer<Self>) -> UnsafeMutablePointer<TapeNode<T>> {
        (UnsafeMutableRawPointer(block) + nodeOffset).assumingMemoryBound(to: TapeNode<T>.self)
    }

    /// The block recording now goes to: this one, or the last of its successors.
    @inlinable @inline(__always)
    public static func live(_ block: UnsafeMutablePointer<Self>) -> UnsafeMutablePointer<Self> {
        var live = block
        while let next = live.pointee.successor { live = next }
        return live
    }

    /// Appends a node and returns its slot.
    @inlinable @inline(__always)
    static func record(_ node: TapeNode<T>, in block: UnsafeMutablePointer<Self>) -> Int32 {
        let index = block.pointee.used
        guard _fastPath(index < block.pointee.room) else { return recordOutgrown(node, in: block) }
        (UnsafeMutableRawPointer(block) + (nodeOffset &+ Int(index) &* MemoryLayout<TapeNode<T>>.stride))
            .assumingMemoryBound(to: TapeNode<T>.self).initialize(to: node)
        block.pointee.used = index &+ 1   // index < room ≤ Int32.max: no overflow
        return Int32(bitPattern: index)
    }

    /// The slow path: the block is outgrown already (capacity 0), or full now. Inlinable so that callers get
    /// a specialisation that takes the node in registers; a generic call would need it stored to memory first,
    /// on every record, fast path included.
    @inlinable @inline(never)
    static func recordOutgrown(_ node: TapeNode<T>, in block: UnsafeMutablePointer<Self>) -> Int32 {
        var live = Self.live(block)
        if live.pointee.count == live.pointee.capacity { live = grow(live) }
        return record(node, in: live)
    }

    /// A successor for a full live block: twice the capacity, every node copied. Returns it.
    @usableFromInline @discardableResult
    static func grow(_ block: UnsafeMutablePointer<Self>, toHold needed: Int = 0) -> UnsafeMutablePointer<Self> {
        var capacity = Swift.max(block.pointee.capacity, 1) * 2
        while capacity < needed { capacity *= 2 }
        let bigger = allocateBlock(capacity: capacity)
        nodes(of: bigger).update(from: nodes(of: block), count: block.pointee.count)
        bigger.pointee.count = block.pointee.count
        bigger.pointee.leaves = block.pointee.leaves
        // With no capacity left, whatever still points at the old block takes the slow path to its successor.
        block.pointee.capacity = 0
        block.pointee.successor = bigger
        return bigger
    }
}

/// The hot-path operations on a tape, as a plain value: a caller that records and sweeps in a tight loop goes
/// through this and never through the `Tape` object, so no call retains or releases it. A handle made before
/// the tape outgrew its block still works: it finds the live block through the successor chain.
@frozen
public struct TapeHandle<T: ADReal> {
    public let storage: UnsafeMutablePointer<TapeStorage<T>>
    @inlinable public init(_ storage: UnsafeMutablePointer<TapeStorage<T>>) { self.storage = storage }

    /// The block recording goes to now.
    @inlinable var live: UnsafeMutablePointer<TapeStorage<T>> { TapeStorage.live(storage) }

    /// Number of nodes recorded, slot 0 (the sink) included.
    @inlinable public var count: Int { live.pointee.count }

    /// Forgets every recorded operation, keeping the buffers.
    @inlinable public func reset() {
        let block = live
        block.pointee.count = 1   // slot 0, the sink, is never overwritten: it stays a leaf
        block.pointee.leaves = 0
    }

    /// `reset()`, then `recordVariables(values)`: the usual start of a recording, in one step. Written out rather
    /// than as those two calls: one walk to the live block and no leading-input test.
    @inlinable @inline(__always) public func beginRecording(_ values: UnsafeBufferPointer<T>) -> Int32 {
        var block = live
        let end = 1 + values.count
        if end > block.pointee.capacity { block = TapeStorage.grow(block, toHold: end) }
        block.pointee.count = end
        block.pointee.leaves = values.count
        return 1
    }

    /// A new input variable. Inputs recorded before any operation form the leading leaves a sweep skips.
    @inlinable public func variable(_ value: T) -> Tracked<T> {
        let block = live
        let index = TapeStorage.record(.leaf, in: block)
        if Int(index) == block.pointee.leaves + 1 { block.pointee.leaves += 1 }
        return Tracked(value: value, index: index, storage: block)
    }

    /// Records `values.count` input variables in consecutive slots and returns the first slot: input i is
    /// then `tracked(values[i], at: first + i)`, and its adjoint is at that slot after a sweep.
    @inlinable @inline(__always) public func recordVariables(_ values: UnsafeBufferPointer<T>) -> Int32 {
        var block = live
        let first = block.pointee.count
        let end = first + values.count
        // One capacity check for the whole block of inputs, not one per input.
        if end > block.pointee.capacity { block = TapeStorage.grow(block, toHold: end) }
        if first == block.pointee.leaves + 1 {
            // Still only inputs so far: they join the leading leaves, whose nodes no sweep reads.
            block.pointee.leaves = end - 1
        } else {
            let nodes = TapeStorage.nodes(of: block)
            for k in first..<end { nodes[k] = .leaf }
        }
        block.pointee.count = end
        return Int32(truncatingIfNeeded: first)
    }

    /// A handle to a node already on this tape (as returned by `recordVariables`).
    @inlinable @inline(__always) public func tracked(_ value: T, at slot: Int32) -> Tracked<T> {
        Tracked(value: value, index: slot, storage: storage)
    }
}

/// A reverse-mode (vector-Jacobian product) recording. Reuse one tape across evaluations: `reset()` keeps its
/// buffers, so after the first evaluation recording and sweeping allocate nothing.
///
/// Three layers, one job each: `TapeStorage` is the memory (a block of nodes and its successors), `TapeHandle`
/// the hot-path value that records and sweeps without reference counting, and `Tape` the owner that frees the
/// blocks and holds a one-output adjoint buffer. The two sweeps differ in who owns the adjoints:
/// `Tape.pullback(from:seed:)` fills the tape's own buffer (zeroed first, read back with `adjoint(of:)`);
/// `TapeHandle.sweep(from:clearing:)` works in the caller's buffer, which must be zero but for the seeds and is
/// left zero but for the inputs.
///
/// The cost of a reverse sweep is linear in the number of recorded operations, whatever the number of inputs:
/// for an n-joint chain with 2 or 3 outputs that is O(n) for the whole Jacobian.
///
/// A tape is not thread-safe; a `Tracked` value is only meaningful while its tape is alive and not reset.
public final class Tape<T: ADReal> {
    /// The first block; the live one is the end of its successor chain.
    @usableFromInline let first: UnsafeMutablePointer<TapeStorage<T>>
    @usableFromInline var adjoints: UnsafeMutablePointer<T>
    @usableFromInline var adjointCapacity: Int

    public init(capacity: Int = 256) {
        let capacity = max(capacity, 2)
        first = TapeStorage.allocateBlock(capacity: capacity)
        adjointCapacity = capacity
        adjoints = .allocate(capacity: capacity)
        reset()
    }

    deinit {
        TapeStorage.deallocateChain(first)
        adjoints.deallocate()
    }

    /// The live block as a value for hot loops (valid while this tape is alive).
    @inlinable public var handle: TapeHandle<T> { TapeHandle(TapeStorage.live(first)) }

    /// Number of nodes recorded, slot 0 (the sink) included.
    @inlinable public var count: Int { handle.count }

    /// Forgets every recorded operation, keeping the buffers.
    @inlinable public func reset() { handle.reset() }

    /// A new input variable on this tape.
    @inlinable public func variable(_ value: T) -> Tracked<T> { handle.variable(value) }

    @usableFromInline func ensureAdjointCapacity() {
        guard adjointCapacity < count else { return }
        adjoints.deallocate()
        adjointCapacity = handle.storage.pointee.capacity
        adjoints = .allocate(capacity: adjointCapacity)
    }

    /// The reverse sweep from one output seeded with `seed`: afterwards `adjoint(of:)` gives ∂(seed·output)/∂x
    /// for every input x.
    public func pullback(from output: Tracked<T>, seed: T = T(1)) {
        ensureAdjointCapacity()
        adjoints.initialize(repeating: T(0), count: count)
        guard output.index > 0 else { return }
        adjoints[Int(output.index)] = seed * output.scale
        let block = handle.storage
        let nodes = TapeStorage.nodes(of: block)
        var i = Int(output.index)
        let floor = block.pointee.leaves
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
}

extension TapeHandle where T == Double {
    /// Seeds row `row` of a multi-row sweep: adds e_row times the output's scale to the output's slot, and
    /// returns the slot (0, the sink, for a constant output).
    @inlinable @inline(__always)
    public func seed<A: SIMD>(_ output: Tracked<Double>, row: Int, into adjoints: UnsafeMutablePointer<A>) -> Int
    where A.Scalar == Double {
        // A whole-vector add, not a store to one lane: the sweep reloads the slot as a vector, and a store
        // narrower than that load cannot be forwarded to it (the load would wait for the store to retire).
        var seed = A()
        seed[row] = output.scale
        adjoints[Int(output.index)] += seed
        return Int(output.index)
    }

    /// Several reverse sweeps in one, from `top` (the highest seeded slot) down: with output r seeded by `seed`
    /// in row r, afterwards `adjoints[i][r]` = ∂output_r/∂x_i for every leading input x_i (slots 1…leaves).
    /// For a 2- or 3-row Jacobian this is one O(nodes) sweep.
    ///
    /// The buffer is kept clear between sweeps instead of filled before each one; a fill of the whole buffer
    /// was a large part of the fixed cost at a few joints. So on entry every slot must be zero except the
    /// seeds. The sweep clears each slot once it has read it, and the sink at the end: on return only the
    /// leading inputs' slots may be non-zero, and the caller clears them as it reads them. (An input recorded
    /// after an operation is swept like any node, so its adjoint is not kept: record inputs first.)
    /// `adjoints` must hold at least `count` elements.
    @inlinable @inline(__always)
    public func sweep<A: SIMD>(from top: Int, clearing adjoints: UnsafeMutablePointer<A>) where A.Scalar == Double {
        let block = live
        let nodes = TapeStorage.nodes(of: block)
        let floor = block.pointee.leaves
        var i = top
        // No branch on the parents: a constant operand's edge lands in the sink (slot 0), which nobody reads.
        // The leading inputs are not visited at all, so the sink sees only the few edges from constants.
        while i > floor {
            let a = adjoints[i]
            adjoints[i] = A()
            let node = nodes[i]
            adjoints[Int(node.parent0)] += a
            adjoints[Int(node.parent1)] += node.weight * a
            i -= 1
        }
        adjoints[0] = A()
    }
}
