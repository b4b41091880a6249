import CSDL2

/// Encodes an SDL surface as PNG or JPEG bytes in memory (SDL_image's `IMG_SavePNG_RW`/`IMG_SaveJPG_RW` into
/// a growable memory `SDL_RWops`), so the file is written by the program's one output writer. Use with the
/// SDL lock held.
enum ImageEncoder {
    static let jpegQuality: Int32 = 92

    static func encode(_ surface: UnsafeMutablePointer<SDL_Surface>, as format: ImageFormat) throws(RenderError) -> [UInt8] {
        makeOpaque(surface)
        if format == .jpeg {
            let jpg = Int32(IMG_INIT_JPG.rawValue)
            guard IMG_Init(jpg) & jpg == jpg else { throw RenderError(.sdl, "SDL_image has no JPEG support: \(SDLSession.lastError)") }
        }
        let buffer = MemoryRWops.Buffer()
        guard let rw = MemoryRWops.make(buffer) else {
            throw RenderError(.sdl, "cannot allocate an SDL_RWops: \(SDLSession.lastError)")
        }
        defer { MemoryRWops.free(rw) }
        let result = format == .png ? IMG_SavePNG_RW(surface, rw, 0) : IMG_SaveJPG_RW(surface, rw, 0, jpegQuality)
        guard result == 0, !buffer.bytes.isEmpty else {
            throw RenderError(.sdl, "cannot encode the picture as \(format.rawValue.uppercased()): \(SDLSession.lastError)")
        }
        return buffer.bytes
    }

    /// Blending onto an RGBA surface leaves alpha a little under 255 in places; a picture must be opaque.
    static func makeOpaque(_ surface: UnsafeMutablePointer<SDL_Surface>) {
        let s = surface.pointee
        guard let format = s.format, format.pointee.BytesPerPixel == 4, format.pointee.Amask != 0,
              let pixels = s.pixels else { return }
        let amask = format.pointee.Amask
        SDL_LockSurface(surface)
        for row in 0..<Int(s.h) {
            let line = (pixels + row * Int(s.pitch)).assumingMemoryBound(to: UInt32.self)
            for col in 0..<Int(s.w) { line[col] |= amask }
        }
        SDL_UnlockSurface(surface)
    }
}

/// An `SDL_RWops` whose writes land in a Swift byte array (SDL2 has no growable memory stream).
enum MemoryRWops {
    final class Buffer {
        var bytes: [UInt8] = []
        var position = 0
    }

    static func make(_ buffer: Buffer) -> UnsafeMutablePointer<SDL_RWops>? {
        guard let rw = SDL_AllocRW() else { return nil }
        rw.pointee.hidden.unknown.data1 = Unmanaged.passRetained(buffer).toOpaque()
        rw.pointee.size = { rw in Int64(MemoryRWops.buffer(rw).bytes.count) }
        rw.pointee.seek = { rw, offset, whence in
            let b = MemoryRWops.buffer(rw)
            let base = whence == RW_SEEK_SET ? 0 : whence == RW_SEEK_CUR ? b.position : b.bytes.count
            let target = base + Int(offset)
            guard target >= 0 else { return -1 }
            b.position = target
            return Int64(target)
        }
        rw.pointee.read = { _, _, _, _ in 0 }
        rw.pointee.write = { rw, source, size, count in
            let b = MemoryRWops.buffer(rw)
            let n = size * count
            guard n > 0, let source else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: source, count: n)
            if b.position > b.bytes.count { b.bytes += repeatElement(0, count: b.position - b.bytes.count) }
            let overlap = min(n, b.bytes.count - b.position)
            b.bytes.replaceSubrange(b.position..<(b.position + overlap), with: bytes)
            b.position += n
            return count
        }
        rw.pointee.close = { _ in 0 }
        return rw
    }

    static func buffer(_ rw: UnsafeMutablePointer<SDL_RWops>?) -> Buffer {
        Unmanaged<Buffer>.fromOpaque(rw!.pointee.hidden.unknown.data1).takeUnretainedValue()
    }

    static func free(_ rw: UnsafeMutablePointer<SDL_RWops>) {
        Unmanaged<Buffer>.fromOpaque(rw.pointee.hidden.unknown.data1).release()
        SDL_FreeRW(rw)
    }
}
