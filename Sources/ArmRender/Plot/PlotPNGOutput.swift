import CSDL2
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Encodes a plot's pixels as PNG bytes. The command line writes them through ArmIO's `AtomicFileOutput`
/// (temporary file + rename for regular files; FIFOs, devices and symlinks written through, never renamed
/// over), so pictures follow the same output rules as trajectories. SDL_image only writes to files or RWops,
/// so the bytes go through a private temporary file that is deleted at once.
enum PlotPNGOutput {
    static func encode(_ surface: UnsafeMutablePointer<SDL_Surface>) throws(RenderError) -> [UInt8] {
        var template = Array((FileManager.default.temporaryDirectory.path.joinedPath("armsim-png-XXXXXX")).utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw RenderError(.io, "cannot create a temporary file: \(String(cString: strerror(errno)))") }
        close(fd)
        let tmp = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(tmp) }
        PNGWriter.makeOpaque(surface)
        guard IMG_SavePNG(surface, tmp) == 0 else { throw RenderError(.io, "cannot encode the PNG: \(SDLSession.lastError)") }
        guard let data = FileManager.default.contents(atPath: tmp) else { throw RenderError(.io, "cannot read back the PNG from \(tmp)") }
        return [UInt8](data)
    }
}
