#ifndef ARMSIM_CSDL2_SHIM_H
#define ARMSIM_CSDL2_SHIM_H
#define SDL_MAIN_HANDLED
#include <SDL.h>
#include <SDL_ttf.h>
#include <SDL_image.h>
#include <SDL2_gfxPrimitives.h>

// Function-like macros are not imported into Swift.
static const int ARMSIM_SDL_WINDOWPOS_CENTERED = SDL_WINDOWPOS_CENTERED;
static const int ARMSIM_SDL_WINDOWPOS_UNDEFINED = SDL_WINDOWPOS_UNDEFINED;
#endif
