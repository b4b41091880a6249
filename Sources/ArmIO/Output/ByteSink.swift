import ArmKit
/// Where `TrajectoryWriter` sends its bytes, in large chunks. Implementations write everything they are given
/// or throw (the sinks of this module throw `OutputError`).
public protocol ByteSink: AnyObject {
    /// Writes all of `bytes`, in order, after everything written before.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}
