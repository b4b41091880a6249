/// Which SDL renderer the window uses. The accelerated one is the default (it costs less CPU even under Xvfb's
/// llvmpipe; figures in docs/window.md), falling back to software when no accelerated renderer can be created.
public enum RendererKind: String, Sendable, Equatable, CaseIterable {
    /// SDL's accelerated renderer (OpenGL / GLES) with vsync where the display has it; software if unavailable.
    case accelerated
    /// SDL's software renderer: no GPU or OpenGL needed.
    case software
}
