/// Where encoded pictures go. ArmRender never writes files itself: the program hands it one sink (armsim's
/// wraps ArmIO's `OutputFile`, so pictures follow the same atomic / write-through rules as trajectories).
public protocol ImageSink: Sendable {
    /// Writes `bytes` as the whole content of `path`, or throws an error whose description names the path
    /// and the reason; nothing partial may be left at `path`.
    func write(image bytes: [UInt8], to path: String) throws
}

extension ImageSink {
    /// Encodes nothing: passes `bytes` on, with any failure as a `RenderError` of kind `.io`.
    func deliver(_ bytes: [UInt8], to path: String) throws(RenderError) {
        do {
            try write(image: bytes, to: path)
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(.io, "\(error)")
        }
    }
}
