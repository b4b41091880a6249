#ifndef ARMSIM_SDL_LOADER_H
#define ARMSIM_SDL_LOADER_H

/// Opens SDL2, SDL2_ttf and SDL2_image with dlopen and resolves every function armsim calls, once per process
/// (thread-safe). Returns NULL when they are all there, else one line saying what is missing and which Debian
/// packages provide it. Drawing code calls this first; headless commands never do, so they never load SDL.
///
/// Test hook and override: with ARMSIM_SDL_LIBRARY_DIR=DIR set, each library is opened as DIR/<soname> instead
/// of through the loader's search path (a test points it at an empty directory to see "SDL missing").
const char *armsim_sdl_load_error(void);

#endif
