import ArmKit
import CMathShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `--output FILE`: a `ByteSink` that never leaves a partial trajectory at FILE.
///
/// - **Regular file or new name** (atomic mode): the bytes go to a temporary file beside FILE,
///   `.armsim-<pid>-<random>.tmp` (`TemporaryFileName`: short, and never mistaken for output), created at once
///   (so a missing or read-only directory is reported before any frame is computed); `commit()` renames it
///   over FILE, `abort()` (or `deinit`) deletes it. The temporary file is listed in `TemporaryFileRegistry`,
///   whose `unlinkAll()` the program's signal handlers and exit hook call. Dead runs' leftovers in the same
///   directory are cleared first (`StaleTemporaryFiles`).
///   An existing FILE keeps its permission bits. A symbolic link to a regular file is resolved, so the file it
///   points to is replaced and the link stays.
/// - **Anything else that exists** (direct mode: a character device like `/dev/null`, a FIFO, a terminal,
///   `/dev/stdout`, or a symbolic link to one of these): opened and written in place, never renamed over, never
///   deleted. `/dev/stdout`, `/dev/stderr`, `/dev/fd/N` and `/proc/self/fd/N` reuse the process's own descriptor
///   (so `--output /dev/stdout >> log` appends as the shell set up). Opening a FIFO waits for a reader, as a
///   shell redirection does.
///
/// Errors are `OutputError`s naming FILE as given. Call order: `init` → `write`… → `commit()`, or `abort()`
/// on any failure (also done by `deinit` if neither was called).
public final class AtomicFileOutput: ByteSink {
    public enum Mode: Sendable, Equatable {
        /// Temporary file renamed into place on commit.
        case atomic
        /// Written in place (device, FIFO, standard stream).
        case direct
    }

    private enum State { case open, committed, aborted }

    /// FILE as given (used in messages).
    public let path: String
    public let mode: Mode
    /// Where the result ends up: `path`, or the file a symbolic link points to.
    public let targetPath: String
    /// The temporary file (atomic mode only).
    public let temporaryPath: String?
    /// Whether `commit()` syncs the data and the directory to disk before and after the rename.
    public let durable: Bool
    /// With `durable: false`: start writing the data to disk at `commit()` without waiting for it.
    public let startsWriteback: Bool

    private let descriptor: Int32
    private let sink: FileDescriptorSink
    private var registrySlot: Int?
    private var state = State.open

    /// Opens FILE for output; throws `OutputError.cannotOpen` naming it when that is impossible (missing or
    /// unwritable directory, a directory at FILE, permission denied, …). `durable: false` skips the `fsync`s
    /// in `commit()` (faster for scratch outputs; the rename is atomic either way); `startsWriteback` then
    /// hands the data to the disk at `commit()` without waiting (a batch that syncs once at the end).
    public init(path: String, durable: Bool = true, startsWriteback: Bool = false) throws {
        self.startsWriteback = startsWriteback
        guard !path.isEmpty else { throw OutputError.cannotOpen(path: path, reason: "empty file name") }
        self.path = path
        self.durable = durable

        if let fd = Self.standardStreamDescriptor(path) {
            let copy = dup(fd)
            guard copy >= 0 else { throw OutputError.cannotOpen(path: path, reason: Self.lastError()) }
            _ = fcntl(copy, F_SETFD, FD_CLOEXEC)
            self.mode = .direct
            self.targetPath = path
            self.temporaryPath = nil
            self.descriptor = copy
            self.sink = FileDescriptorSink(fileDescriptor: copy, name: path)
            return
        }

        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                throw OutputError.cannotOpen(path: path, reason: "is a directory")
            }
            if type != S_IFREG {
                let fd = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
                guard fd >= 0 else { throw OutputError.cannotOpen(path: path, reason: Self.lastError()) }
                self.mode = .direct
                self.targetPath = path
                self.temporaryPath = nil
                self.descriptor = fd
                self.sink = FileDescriptorSink(fileDescriptor: fd, name: path)
                return
            }
        } else if errno != ENOENT && errno != ENOTDIR {
            throw OutputError.cannotOpen(path: path, reason: Self.lastError())
        }

        // Atomic mode: existing regular file (possibly through a link), or a new name.
        let target = Self.resolvedTarget(path)
        let (directory, name) = Self.split(target)
        guard !name.isEmpty, name != ".", name != ".." else {
            throw OutputError.cannotOpen(path: path, reason: "not a file name")
        }
        var directoryInfo = stat()
        if stat(directory, &directoryInfo) != 0 {
            let reason = errno == ENOENT ? "directory '\(directory)' does not exist"
                : "directory '\(directory)': \(Self.lastError())"
            throw OutputError.cannotOpen(path: path, reason: reason)
        }
        guard directoryInfo.st_mode & S_IFMT == S_IFDIR else {
            throw OutputError.cannotOpen(path: path, reason: "'\(directory)' is not a directory")
        }
        if access(directory, W_OK | X_OK) != 0 {
            throw OutputError.cannotOpen(path: path, reason: "directory '\(directory)' is not writable (\(Self.lastError()))")
        }
        var existingMode: mode_t?
        var targetInfo = stat()
        if stat(target, &targetInfo) == 0, targetInfo.st_mode & S_IFMT == S_IFREG {
            existingMode = targetInfo.st_mode & 0o7777
        }

        let (fd, temporary, slot) = try Self.createTemporary(in: directory, for: path)
        if let existingMode { _ = fchmod(fd, existingMode) }
        self.mode = .atomic
        self.targetPath = target
        self.temporaryPath = temporary
        self.descriptor = fd
        self.registrySlot = slot
        self.sink = FileDescriptorSink(fileDescriptor: fd, name: path)
    }

    deinit {
        abort()
    }

    /// Creates a fresh temporary file in `directory` (after clearing dead runs' leftovers there), registered
    /// before it exists so a signal between open and registration cannot leak it.
    private static func createTemporary(in directory: String, for path: String) throws
        -> (descriptor: Int32, path: String, slot: Int?) {
        StaleTemporaryFiles.clean(directory: directory)
        for _ in 0..<8 {
            let temporary = "\(directory)/\(TemporaryFileName.make())"
            let slot = TemporaryFileRegistry.register(temporary)
            let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 { return (fd, temporary, slot) }
            let code = errno
            if let slot { TemporaryFileRegistry.unregister(slot) }
            if code != EEXIST {
                throw OutputError.cannotOpen(
                    path: path,
                    reason: "cannot create a temporary file in '\(directory)': \(FileDescriptorSink.message(for: code))")
            }
        }
        throw OutputError.cannotOpen(path: path, reason: "cannot create a temporary file in '\(directory)'")
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard state == .open else {
            throw OutputError.writeFailed(path: path, reason: "output already closed")
        }
        try sink.write(bytes)
    }

    /// Finishes the output: in atomic mode syncs (if `durable`), closes and renames the temporary file over
    /// FILE; in direct mode closes the descriptor. On failure nothing is left at FILE that wasn't there before
    /// and the temporary file is gone. Calling it again after success does nothing.
    public func commit() throws {
        switch state {
        case .committed: return
        case .aborted: throw OutputError.commitFailed(path: path, reason: "output was aborted")
        case .open: break
        }
        guard mode == .atomic, let temporary = temporaryPath else {
            state = .committed
            if close(descriptor) != 0 && errno != EINTR {
                throw OutputError.writeFailed(path: path, reason: Self.lastError())
            }
            return
        }
        if !durable && startsWriteback { armsim_start_writeback(descriptor) }
        if durable && fsync(descriptor) != 0 && errno != EINVAL && errno != EROFS {
            let reason = Self.lastError()
            abort()
            throw OutputError.writeFailed(path: path, reason: reason)
        }
        state = .committed
        if close(descriptor) != 0 && errno != EINTR {
            // Delayed write errors (NFS, quotas) surface here: the data may be incomplete.
            let reason = Self.lastError()
            state = .aborted
            removeTemporary(temporary)
            throw OutputError.writeFailed(path: path, reason: reason)
        }
        if rename(temporary, targetPath) != 0 {
            let reason = Self.lastError()
            state = .aborted
            removeTemporary(temporary)
            throw OutputError.commitFailed(path: path, reason: reason)
        }
        if let slot = registrySlot {
            TemporaryFileRegistry.unregister(slot)
            registrySlot = nil
        }
        if durable {
            // Make the rename itself durable; failure here loses nothing already visible.
            let directoryDescriptor = open(Self.split(targetPath).directory, O_RDONLY | O_CLOEXEC)
            if directoryDescriptor >= 0 {
                _ = fsync(directoryDescriptor)
                _ = close(directoryDescriptor)
            }
        }
    }

    /// Abandons the output: closes it and, in atomic mode, deletes the temporary file (FILE is untouched).
    /// Idempotent; does nothing after `commit()`.
    public func abort() {
        guard state == .open else { return }
        state = .aborted
        _ = close(descriptor)
        if let temporary = temporaryPath { removeTemporary(temporary) }
    }

    private func removeTemporary(_ temporary: String) {
        _ = unlink(temporary)
        if let slot = registrySlot {
            TemporaryFileRegistry.unregister(slot)
            registrySlot = nil
        }
    }

    // MARK: - Paths

    /// The descriptor a path names directly: /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N.
    static func standardStreamDescriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return 1
        case "/dev/stderr": return 2
        default: break
        }
        for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
            return Int32(path.dropFirst(prefix.count))
        }
        return nil
    }

    /// `path`, or for a symbolic link (possibly dangling) the path it finally points to.
    static func resolvedTarget(_ path: String) -> String {
        var linkInfo = stat()
        guard lstat(path, &linkInfo) == 0, linkInfo.st_mode & S_IFMT == S_IFLNK else { return path }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // Dangling: follow the chain by hand (bounded, in case of a loop).
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let n = readlink(current, &buffer, buffer.count - 1)
            guard n > 0 else { return current }
            let destination = String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = destination.hasPrefix("/") ? destination : "\(split(current).directory)/\(destination)"
        }
        return current
    }

    /// ("dir", "name") of a path; the directory is "." for a bare name and "/" at the root.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = path[..<slash]
        return (directory.isEmpty ? "/" : String(directory), String(path[path.index(after: slash)...]))
    }

    static func lastError() -> String {
        FileDescriptorSink.message(for: errno)
    }
}
