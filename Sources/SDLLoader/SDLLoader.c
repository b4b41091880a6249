// SDL2, SDL2_ttf and SDL2_image opened with dlopen on first use, so the armsim binary has no DT_NEEDED on them:
// headless commands start without mapping SDL and the ~80 libraries it pulls in (X11, Wayland, audio, codecs).
// Every function in SDLFunctionList.h is *defined* here as a forwarder through a pointer from dlsym, under the
// header's own name, so Swift call sites stay unchanged.
#include "SDLLoader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// Hidden: the forwarders must not be exported from the executable, or the real SDL_ttf would bind its calls
// into SDL to them (symbol interposition) instead of to libSDL2 itself.
#define DECLSPEC __attribute__((visibility("hidden")))
#define SDL_MAIN_HANDLED
#include <SDL2/SDL.h>
#include <SDL2/SDL_ttf.h>
#include <SDL2/SDL_image.h>
#include <SDL2/SDL2_gfxPrimitives.h>

enum { ARMSIM_LIB_SDL, ARMSIM_LIB_TTF, ARMSIM_LIB_IMG, ARMSIM_LIB_GFX, ARMSIM_LIB_COUNT };

static const struct { const char *soname; const char *package; } libraries[ARMSIM_LIB_COUNT] = {
    [ARMSIM_LIB_SDL] = {"libSDL2-2.0.so.0", "libsdl2-2.0-0"},
    [ARMSIM_LIB_TTF] = {"libSDL2_ttf-2.0.so.0", "libsdl2-ttf-2.0-0"},
    [ARMSIM_LIB_IMG] = {"libSDL2_image-2.0.so.0", "libsdl2-image-2.0-0"},
    [ARMSIM_LIB_GFX] = {"libSDL2_gfx-1.0.so.0", "libsdl2-gfx-1.0-0"},
};

enum {
#define ARMSIM_SDL_FUNCTION(lib, ret, name, params, args) ARMSIM_SLOT_##name,
#include "SDLFunctionList.h"
#undef ARMSIM_SDL_FUNCTION
    ARMSIM_SLOT_COUNT
};

static const struct { const char *name; int library; } functions[ARMSIM_SLOT_COUNT] = {
#define ARMSIM_SDL_FUNCTION(lib, ret, name, params, args) {#name, ARMSIM_LIB_##lib},
#include "SDLFunctionList.h"
#undef ARMSIM_SDL_FUNCTION
};

static void *slots[ARMSIM_SLOT_COUNT];
static char error_line[1024];
static int failed;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/// The libraries the list needs, as Debian package names separated by spaces.
static void needed_packages(char *out, size_t size) {
    int needed[ARMSIM_LIB_COUNT] = {0};
    for (int i = 0; i < ARMSIM_SLOT_COUNT; i++) needed[functions[i].library] = 1;
    out[0] = '\0';
    for (int lib = 0; lib < ARMSIM_LIB_COUNT; lib++) {
        if (!needed[lib]) continue;
        if (out[0]) strncat(out, " ", size - strlen(out) - 1);
        strncat(out, libraries[lib].package, size - strlen(out) - 1);
    }
}

static void fail(const char *what) {
    char packages[256];
    needed_packages(packages, sizeof packages);
    // dlerror's text ends without a newline but may be long: the line stays one line.
    snprintf(error_line, sizeof error_line,
             "drawing needs the SDL2 libraries, which are not installed (%s): install the Debian packages %s "
             "(or run scripts/setup); headless commands work without them", what, packages);
    for (char *c = error_line; *c; c++) if (*c == '\n') *c = ' ';
    failed = 1;
}

static void *open_library(int lib) {
    const char *dir = getenv("ARMSIM_SDL_LIBRARY_DIR");
    char path[4096];
    if (dir && *dir) {
        snprintf(path, sizeof path, "%s/%s", dir, libraries[lib].soname);
    } else {
        snprintf(path, sizeof path, "%s", libraries[lib].soname);
    }
    return dlopen(path, RTLD_NOW | RTLD_LOCAL);
}

static void load_all(void) {
    void *handles[ARMSIM_LIB_COUNT] = {0};
    for (int i = 0; i < ARMSIM_SLOT_COUNT; i++) {
        int lib = functions[i].library;
        if (!handles[lib] && !(handles[lib] = open_library(lib))) {
            fail(dlerror());
            return;
        }
        if (!(slots[i] = dlsym(handles[lib], functions[i].name))) {
            fail(dlerror());
            return;
        }
    }
}

const char *armsim_sdl_load_error(void) {
    pthread_once(&once, load_all);
    return failed ? error_line : NULL;
}

/// The safety net for a drawing path that forgot to call armsim_sdl_load_error first: the same line, exit 1.
static void require_libraries(void) {
    const char *error = armsim_sdl_load_error();
    if (error) {
        fprintf(stderr, "armsim: error: %s\n", error);
        exit(1);
    }
}

#define ARMSIM_SDL_FUNCTION(lib, ret, name, params, args) \
    ret name params {                                      \
        require_libraries();                               \
        return ((__typeof__(&name))slots[ARMSIM_SLOT_##name]) args; \
    }
#include "SDLFunctionList.h"
#undef ARMSIM_SDL_FUNCTION
