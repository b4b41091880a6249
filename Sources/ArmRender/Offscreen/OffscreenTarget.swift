import ArmKit
import CSDL2

/// A software renderer drawing into an RGBA32 surface: no display, no SDL_Init. Holds a `SceneRenderer` for
/// one scenario so a sequence of frames (FrameRecorder) reuses the surface, fonts and path samples.
/// Create, use and close it with the SDL lock held.
final class OffscreenTarget {
    let surface: UnsafeMutablePointer<SDL_Surface>
    let renderer: OpaquePointer
    let scene: SceneRenderer
    private var closed = false

    init(scenario: Scenario, size: ImageSize) throws(RenderError) {
        let (surface, renderer) = try SoftwareSurface.make(width: size.width, height: size.height)
        do {
            scene = try SceneRenderer(renderer: renderer, scenario: scenario, layerFormat: SoftwareSurface.pixelFormat)
        } catch {
            SDL_DestroyRenderer(renderer)
            SDL_FreeSurface(surface)
            throw error
        }
        self.surface = surface
        self.renderer = renderer
    }

    func draw(frame: Frame, trail: TipTrail, status: SceneStatus = SceneStatus()) throws(RenderError) {
        try scene.draw(frame: frame, trail: trail, status: status)
        SDL_RenderPresent(renderer)
    }

    /// The picture drawn so far, encoded.
    func encoded(as format: ImageFormat) throws(RenderError) -> [UInt8] { try ImageEncoder.encode(surface, as: format) }

    func close() {
        guard !closed else { return }
        closed = true
        scene.close()
        SDL_DestroyRenderer(renderer)
        SDL_FreeSurface(surface)
    }

    deinit { SDLSession.locked { close() } }
}
