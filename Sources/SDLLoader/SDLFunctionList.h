// Every SDL2, SDL2_ttf, SDL2_image and SDL2_gfx function armsim calls, one line each (no include guard: the
// list is expanded more than once). To call a new one from Swift, add its line here, in any order:
//
//   ARMSIM_SDL_FUNCTION(LIBRARY, return type, name, (parameters as in the header), (the parameter names))
//
// LIBRARY is SDL, TTF, IMG or GFX. The compiler checks the line against the real prototype (a mismatch is a
// "conflicting types" error); a function missing from this list is an "undefined symbol" error at link time.

ARMSIM_SDL_FUNCTION(SDL, int, SDL_Init, (Uint32 flags), (flags))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_InitSubSystem, (Uint32 flags), (flags))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_QuitSubSystem, (Uint32 flags), (flags))
ARMSIM_SDL_FUNCTION(SDL, Uint32, SDL_WasInit, (Uint32 flags), (flags))
ARMSIM_SDL_FUNCTION(SDL, const char *, SDL_GetError, (void), ())
ARMSIM_SDL_FUNCTION(SDL, SDL_bool, SDL_SetHint, (const char *name, const char *value), (name, value))
ARMSIM_SDL_FUNCTION(SDL, const char *, SDL_GetCurrentVideoDriver, (void), ())
ARMSIM_SDL_FUNCTION(SDL, void, SDL_Delay, (Uint32 ms), (ms))
ARMSIM_SDL_FUNCTION(SDL, Uint64, SDL_GetPerformanceCounter, (void), ())
ARMSIM_SDL_FUNCTION(SDL, Uint64, SDL_GetPerformanceFrequency, (void), ())
ARMSIM_SDL_FUNCTION(SDL, int, SDL_PollEvent, (SDL_Event *event), (event))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_WaitEventTimeout, (SDL_Event *event, int timeout), (event, timeout))

ARMSIM_SDL_FUNCTION(SDL, SDL_Window *, SDL_CreateWindow,
                    (const char *title, int x, int y, int w, int h, Uint32 flags), (title, x, y, w, h, flags))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_DestroyWindow, (SDL_Window *window), (window))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_GetWindowSize, (SDL_Window *window, int *w, int *h), (window, w, h))
ARMSIM_SDL_FUNCTION(SDL, Uint32, SDL_GetWindowPixelFormat, (SDL_Window *window), (window))
ARMSIM_SDL_FUNCTION(SDL, SDL_Cursor *, SDL_CreateSystemCursor, (SDL_SystemCursor id), (id))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_SetCursor, (SDL_Cursor *cursor), (cursor))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_FreeCursor, (SDL_Cursor *cursor), (cursor))

ARMSIM_SDL_FUNCTION(SDL, SDL_Surface *, SDL_CreateRGBSurfaceWithFormat,
                    (Uint32 flags, int width, int height, int depth, Uint32 format),
                    (flags, width, height, depth, format))
ARMSIM_SDL_FUNCTION(SDL, SDL_Surface *, SDL_ConvertSurfaceFormat, (SDL_Surface *src, Uint32 pixel_format, Uint32 flags),
                    (src, pixel_format, flags))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_FreeSurface, (SDL_Surface *surface), (surface))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_LockSurface, (SDL_Surface *surface), (surface))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_UnlockSurface, (SDL_Surface *surface), (surface))

ARMSIM_SDL_FUNCTION(SDL, SDL_Renderer *, SDL_CreateRenderer, (SDL_Window *window, int index, Uint32 flags),
                    (window, index, flags))
ARMSIM_SDL_FUNCTION(SDL, SDL_Renderer *, SDL_CreateSoftwareRenderer, (SDL_Surface *surface), (surface))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_DestroyRenderer, (SDL_Renderer *renderer), (renderer))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_GetRendererInfo, (SDL_Renderer *renderer, SDL_RendererInfo *info),
                    (renderer, info))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_GetRendererOutputSize, (SDL_Renderer *renderer, int *w, int *h),
                    (renderer, w, h))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetRenderTarget, (SDL_Renderer *renderer, SDL_Texture *texture),
                    (renderer, texture))
ARMSIM_SDL_FUNCTION(SDL, SDL_Keymod, SDL_GetModState, (void), ())
ARMSIM_SDL_FUNCTION(SDL, int, SDL_UpdateTexture, (SDL_Texture *texture, const SDL_Rect *rect, const void *pixels, int pitch),
                    (texture, rect, pixels, pitch))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderSetClipRect, (SDL_Renderer *renderer, const SDL_Rect *rect), (renderer, rect))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderFillRect, (SDL_Renderer *renderer, const SDL_Rect *rect), (renderer, rect))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_SetModState, (SDL_Keymod modstate), (modstate))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_PushEvent, (SDL_Event *event), (event))
ARMSIM_SDL_FUNCTION(SDL, SDL_RWops *, SDL_AllocRW, (void), ())
ARMSIM_SDL_FUNCTION(SDL, void, SDL_FreeRW, (SDL_RWops *area), (area))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetTextureScaleMode, (SDL_Texture *texture, SDL_ScaleMode scaleMode), (texture, scaleMode))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetRenderDrawColor, (SDL_Renderer *renderer, Uint8 r, Uint8 g, Uint8 b, Uint8 a),
                    (renderer, r, g, b, a))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetRenderDrawBlendMode, (SDL_Renderer *renderer, SDL_BlendMode blendMode),
                    (renderer, blendMode))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderClear, (SDL_Renderer *renderer), (renderer))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderDrawLine, (SDL_Renderer *renderer, int x1, int y1, int x2, int y2),
                    (renderer, x1, y1, x2, y2))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderFillRects, (SDL_Renderer *renderer, const SDL_Rect *rects, int count),
                    (renderer, rects, count))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderGeometry,
                    (SDL_Renderer *renderer, SDL_Texture *texture, const SDL_Vertex *vertices, int num_vertices,
                     const int *indices, int num_indices),
                    (renderer, texture, vertices, num_vertices, indices, num_indices))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderCopy,
                    (SDL_Renderer *renderer, SDL_Texture *texture, const SDL_Rect *srcrect, const SDL_Rect *dstrect),
                    (renderer, texture, srcrect, dstrect))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderReadPixels,
                    (SDL_Renderer *renderer, const SDL_Rect *rect, Uint32 format, void *pixels, int pitch),
                    (renderer, rect, format, pixels, pitch))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_RenderFlush, (SDL_Renderer *renderer), (renderer))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_RenderPresent, (SDL_Renderer *renderer), (renderer))

ARMSIM_SDL_FUNCTION(SDL, SDL_Texture *, SDL_CreateTexture,
                    (SDL_Renderer *renderer, Uint32 format, int access, int w, int h),
                    (renderer, format, access, w, h))
ARMSIM_SDL_FUNCTION(SDL, SDL_Texture *, SDL_CreateTextureFromSurface, (SDL_Renderer *renderer, SDL_Surface *surface),
                    (renderer, surface))
ARMSIM_SDL_FUNCTION(SDL, void, SDL_DestroyTexture, (SDL_Texture *texture), (texture))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetTextureBlendMode, (SDL_Texture *texture, SDL_BlendMode blendMode),
                    (texture, blendMode))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetTextureAlphaMod, (SDL_Texture *texture, Uint8 alpha), (texture, alpha))
ARMSIM_SDL_FUNCTION(SDL, int, SDL_SetTextureColorMod, (SDL_Texture *texture, Uint8 r, Uint8 g, Uint8 b),
                    (texture, r, g, b))

ARMSIM_SDL_FUNCTION(TTF, int, TTF_Init, (void), ())
ARMSIM_SDL_FUNCTION(TTF, TTF_Font *, TTF_OpenFont, (const char *file, int ptsize), (file, ptsize))
ARMSIM_SDL_FUNCTION(TTF, void, TTF_CloseFont, (TTF_Font *font), (font))
ARMSIM_SDL_FUNCTION(TTF, int, TTF_FontHeight, (const TTF_Font *font), (font))
ARMSIM_SDL_FUNCTION(TTF, void, TTF_SetFontHinting, (TTF_Font *font, int hinting), (font, hinting))
ARMSIM_SDL_FUNCTION(TTF, SDL_Surface *, TTF_RenderUTF8_Blended, (TTF_Font *font, const char *text, SDL_Color fg),
                    (font, text, fg))

ARMSIM_SDL_FUNCTION(IMG, int, IMG_Init, (int flags), (flags))
ARMSIM_SDL_FUNCTION(IMG, SDL_Surface *, IMG_Load, (const char *file), (file))
ARMSIM_SDL_FUNCTION(IMG, int, IMG_SavePNG, (SDL_Surface *surface, const char *file), (surface, file))
ARMSIM_SDL_FUNCTION(IMG, int, IMG_SavePNG_RW, (SDL_Surface *surface, SDL_RWops *dst, int freedst), (surface, dst, freedst))
ARMSIM_SDL_FUNCTION(IMG, int, IMG_SaveJPG_RW, (SDL_Surface *surface, SDL_RWops *dst, int freedst, int quality),
                    (surface, dst, freedst, quality))
