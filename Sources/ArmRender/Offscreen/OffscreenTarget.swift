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

    init(scenario: Scenario, width: Int, height: Int) throws(RenderError) {
        try OffscreenTarget.validate(width: width, height: height)
        try SDLSession.shared.ensureLibraries()
        let format = UInt32(SDL_PIXELFORMAT_RGBA32.rawValue)
        guard let surface = SDL_CreateRGBSurfaceWithFormat(0, Int32(width), Int32(height), 32, format) else {
            throw RenderError(.sdl, "cannot allocate a \(width)×\(height) surface: \(SDLSession.lastError)")
        }
        guard let renderer = SDL_CreateSoftwareRenderer(surface) else {
            SDL_FreeSurface(surface)
            throw RenderError(.sdl, "cannot create a software renderer: \(SDLSession.lastError)")
        }
        do {
            scene = try SceneRenderer(renderer: renderer, scenario: scenario, layerFormat: format)
        } catch {
            SDL_DestroyRenderer(renderer)
            SDL_FreeSurface(surface)
            throw error
        }
        self.surface = surface
        self.renderer = renderer
    }

    static func validate(width: Int, height: Int) throws(RenderError) {
        guard (16...16384).contains(width), (16...16384).contains(height) else {
            throw RenderError(.invalidArgument, "image size must be 16…16384 pixels each way, got \(width)×\(height)")
        }
    }

    func draw(frame: Frame, trail: TipTrail, status: SceneStatus = SceneStatus()) throws(RenderError) {
        try scene.draw(frame: frame, trail: trail, status: status)
        SDL_RenderPresent(renderer)
    }

    func save(to path: String) throws(RenderError) { try PNGWriter.save(surface, to: path) }

    func close() {
        guard !closed else { return }
        closed = true
        scene.close()
        SDL_DestroyRenderer(renderer)
        SDL_FreeSurface(surface)
    }

    deinit { SDLSession.locked { close() } }
}
