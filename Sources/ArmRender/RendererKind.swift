/// Which SDL renderer the window uses.
public enum RendererKind: String, Sendable, Equatable, CaseIterable {
    /// SDL's software renderer: measured faster than Mesa's llvmpipe OpenGL under Xvfb, and it needs no GPU.
    case software
    /// SDL's default accelerated renderer (OpenGL / GLES); worth it on a machine with a real GPU.
    case accelerated
}
