import SDLLoader

/// SDL2, SDL2_ttf and SDL2_image are opened with dlopen when drawing starts, not linked (see the SDLLoader
/// target): headless commands never load them. Every drawing entry point (window, offscreen picture, recorder)
/// calls `require()` first, so a machine without SDL gets one line naming the packages to install.
public enum SDLLibraries {
    /// Set by a process that must not open SDL itself (the static `armsim`): called before loading, it hands
    /// the command to a process that can, and returns only with the reason it could not.
    nonisolated(unsafe) public static var handOff: (() -> String)?

    /// Loads the libraries once per process; throws `.missingLibrary` with the install hint when they are absent.
    public static func require() throws(RenderError) {
        if let handOff { throw RenderError(.missingLibrary, handOff()) }
        if let line = armsim_sdl_load_error() {
            throw RenderError(.missingLibrary, String(cString: line))
        }
    }
}
