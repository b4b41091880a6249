import Testing

/// Everything that touches SDL, SDL_ttf or the environment, one test at a time: SDL is not thread-safe, and the
/// no-display tests change environment variables. The nested suites live in the other *RenderingTests files.
@Suite(.serialized) struct RenderingTests {}
