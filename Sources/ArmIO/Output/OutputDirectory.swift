import ArmKit
import CMathShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory that receives many numbered files (`run --record DIR`): created when missing (with its
/// parents); an existing one must be empty, unless the caller allows overwriting, and then only the names the
/// caller claims as its own (`isOwnName`, e.g. `frame-000012.png`) are removed — a user's other files stay.
/// Leftover temporary files of dead runs are cleared either way (`StaleTemporaryFiles`).
public enum OutputDirectory {
    /// Prepares `path`; throws `OutputError.cannotOpen` naming it. `option` names the flag in messages.
    public static func prepare(_ path: String, overwrite: Bool, option: String,
                               isOwnName: (String) -> Bool) throws(OutputError) {
        guard !path.isEmpty else { throw .cannotOpen(path: path, reason: "empty directory name") }
        var info = stat()
        if stat(path, &info) != 0 {
            guard errno == ENOENT else { throw .cannotOpen(path: path, reason: AtomicFileOutput.lastError()) }
            try create(path)
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotOpen(path: path, reason: "not a directory") }
        StaleTemporaryFiles.clean(directory: path)
        let names = try entries(path)
        guard !names.isEmpty else { return }
        guard overwrite else {
            throw .notEmpty(path: path, advice: "\(option) needs an empty or new directory; add --overwrite to replace its frames")
        }
        for name in names where isOwnName(name) {
            guard unlink(path + "/" + name) == 0 else {
                throw .cannotOpen(path: path + "/" + name, reason: "cannot remove an old frame: \(AtomicFileOutput.lastError())")
            }
        }
    }

    /// mkdir -p.
    static func create(_ path: String) throws(OutputError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw .cannotOpen(path: path, reason: "cannot create directory '\(prefix)': \(AtomicFileOutput.lastError())")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw .cannotOpen(path: path, reason: "not a directory")
        }
    }

    /// The names in `path` except `.` and `..`.
    static func entries(_ path: String) throws(OutputError) -> [String] {
        guard let stream = opendir(path) else { throw .cannotOpen(path: path, reason: AtomicFileOutput.lastError()) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Flushes to disk everything written on the file system that holds `path` (one `syncfs`), then the
    /// directory's own entries: a batch renames its files into place as they complete and makes them durable
    /// together at the end, where one sync per file serialised the workers on the file system's journal.
    public static func flushToDisk(_ path: String) throws(OutputError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError.commitFailed(path: path, reason: String(cString: strerror(errno))) }
        defer { _ = close(descriptor) }
        if armsim_syncfs(descriptor) != 0 || (fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS) {
            throw OutputError.commitFailed(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
