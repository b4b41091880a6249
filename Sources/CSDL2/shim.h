#ifndef ARMSIM_CSDL2_SHIM_H
#define ARMSIM_CSDL2_SHIM_H
#define SDL_MAIN_HANDLED
// Headers by their <SDL2/…> path, not pkg-config's -I: pkg-config's cflags add -D_REENTRANT, which SwiftPM
// refuses with a warning on every build. Nothing here is linked: the SDLLoader target defines each function
// used as a forwarder into the library it opens with dlopen, so headless commands never load SDL.
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL2_gfxPrimitives.h>

// Function-like macros are not imported into Swift.
static const int ARMSIM_SDL_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int ARMSIM_SDL_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;
#endif
