/// Which SDL renderer the window uses.
///
/// Measured under Xvfb at 1280×800 (release build, 2 shared cores): both hold 60 fps; the software renderer took
/// about 3–4 ms to draw (rasterising included) plus 6–10 ms to present, the OpenGL renderer (Mesa llvmpipe) about
/// 1 ms plus 5–9 ms, with less CPU overall. On a real GPU the accelerated renderer is the obvious choice, so it is
/// the default, and it falls back to the software renderer when no accelerated one can be created.
public enum RendererKind: String, Sendable, Equatable, CaseIterable {
    /// SDL's accelerated renderer (OpenGL / GLES) with vsync where the display has it; software if unavailable.
    case accelerated
    /// SDL's software renderer: no GPU or OpenGL needed.
    case software
}
