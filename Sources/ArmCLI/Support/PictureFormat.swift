import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// The picture format an output name asks for: `.png`, `.jpg`/`.jpeg` (any case). A name without one of
/// these is accepted only for something that is not a regular file (a device, FIFO or socket, possibly
/// through a symbolic link), which gets PNG; a regular file named `x.bmp` or `x.json` is refused, exit 64.
enum PictureFormat {
    static func check(_ path: String, option: String) throws(CommandFailure) {
        if ImageFormat(path: path) != nil { return }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR { return }
        throw CommandFailure(message: "\(option): '\(path)': the name must end in .png, .jpg or .jpeg (the picture's format)",
                             exitCode: ExitCode32.usage)
    }
}
