/// The task as a type, so the solve loop is specialised once per task and its inner loops test no row count.
@usableFromInline
protocol TaskShape {
    static var task: IKTask { get }
}

extension TaskShape {
    @inlinable @inline(__always) static var rows: Int { task.dimension }
    /// Whether J has the φ row (all ones).
    @inlinable @inline(__always) static var hasAngleRow: Bool { task == .pose }
}

/// The position task: rows x, y.
@usableFromInline enum PositionShape: TaskShape {
    @inlinable @inline(__always) static var task: IKTask { .position }
}

/// The pose task: rows x, y, φ.
@usableFromInline enum PoseShape: TaskShape {
    @inlinable @inline(__always) static var task: IKTask { .pose }
}
