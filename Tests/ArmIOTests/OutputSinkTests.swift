import Foundation
import Testing
@testable import ArmIO
import ArmKit

/// A fresh empty directory under /tmp, removed by `remove()`.
struct OutputScratchDirectory {
    let path: String

    init() throws {
        var template = Array("/tmp/armsim-output-test-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = try #require(made.map { String(cString: $0) })
    }

    var entries: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    func file(_ name: String) -> String { "\(path)/\(name)" }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: file(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

private func write(_ text: String, to sink: any ByteSink) throws {
    var text = text
    try text.withUTF8 { try sink.write(UnsafeRawBufferPointer($0)) }
}

private func fileType(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & S_IFMT : nil
}

@Suite("Output: atomic file output and descriptor sinks")
struct OutputSinkTests {
    @Test("commit puts the whole content at FILE and leaves no temporary file")
    func commit() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let output = try AtomicFileOutput(path: dir.file("run.csv"))
        #expect(output.mode == .atomic)
        let temporary = try #require(output.temporaryPath)
        #expect(temporary.hasPrefix(dir.file(".armsim-\(getpid())-")) && temporary.hasSuffix(".tmp"))
        #expect(!temporary.contains("run.csv"))
        #expect(TemporaryFileRegistry.registeredPaths.contains(temporary))
        #expect(dir.entries.count == 1)  // only the temporary file so far
        #expect(dir.read("run.csv") == nil)
        try write("a,b\n1,2\n", to: output)
        try output.commit()
        #expect(dir.read("run.csv") == "a,b\n1,2\n")
        #expect(dir.entries == ["run.csv"])
        #expect(!TemporaryFileRegistry.registeredPaths.contains(temporary))
        try output.commit()  // idempotent
    }

    @Test("abort leaves neither FILE nor the temporary file")
    func abortNew() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let output = try AtomicFileOutput(path: dir.file("run.csv"))
        try write("partial", to: output)
        output.abort()
        #expect(dir.entries.isEmpty)
        #expect(throws: OutputError.self) { try write("more", to: output) }
    }

    @Test("deinit without commit behaves as abort")
    func deinitAborts() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        do {
            let output = try AtomicFileOutput(path: dir.file("run.csv"))
            try write("partial", to: output)
        }
        #expect(dir.entries.isEmpty)
    }

    @Test("an existing file is untouched on abort, replaced on commit, and keeps its permissions")
    func existingFile() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("run.csv")
        try "old content\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(chmod(path, 0o640) == 0)
        let first = try AtomicFileOutput(path: path)
        try write("new", to: first)
        first.abort()
        #expect(dir.read("run.csv") == "old content\n")
        #expect(dir.entries == ["run.csv"])

        let second = try AtomicFileOutput(path: path)
        try write("new\n", to: second)
        #expect(dir.read("run.csv") == "old content\n")  // not yet
        try second.commit()
        #expect(dir.read("run.csv") == "new\n")
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o640)
    }

    @Test("a symbolic link to a regular file: the file is replaced, the link stays")
    func symlinkToFile() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        try "old".write(toFile: dir.file("real.csv"), atomically: false, encoding: .utf8)
        #expect(symlink("real.csv", dir.file("link.csv")) == 0)
        let output = try AtomicFileOutput(path: dir.file("link.csv"))
        #expect(output.mode == .atomic)
        try write("new", to: output)
        try output.commit()
        var info = stat()
        #expect(lstat(dir.file("link.csv"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(dir.read("real.csv") == "new")
        #expect(dir.entries == ["link.csv", "real.csv"])
    }

    @Test("a failed rename reports commitFailed and removes the temporary file")
    func commitFailure() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let output = try AtomicFileOutput(path: dir.file("run.csv"), durable: false)
        try write("data", to: output)
        // Something else takes the name meanwhile: a directory cannot be renamed over.
        #expect(mkdir(dir.file("run.csv"), 0o755) == 0)
        #expect(throws: OutputError.self) { try output.commit() }
        #expect(dir.entries == ["run.csv"])
        #expect(fileType(dir.file("run.csv")) == S_IFDIR)
        #expect(throws: OutputError.self) { try output.commit() }  // still not committed
    }

    @Test("a null device is written directly, never renamed over or deleted")
    func devNull() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let null = dir.file("devnull")
        #expect(mknod(null, S_IFCHR | 0o666, UInt(1 << 8 | 3)) == 0, "our own null device (root)")
        let output = try AtomicFileOutput(path: null)
        #expect(output.mode == .direct)
        #expect(output.temporaryPath == nil)
        try write(String(repeating: "x", count: 100_000), to: output)
        try output.commit()
        #expect(fileType(null) == S_IFCHR)

        let aborted = try AtomicFileOutput(path: null)
        try write("x", to: aborted)
        aborted.abort()
        #expect(fileType(null) == S_IFCHR)
    }

    @Test("a symbolic link to a null device is written through, and the link stays")
    func symlinkToDevice() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        #expect(mknod(dir.file("devnull"), S_IFCHR | 0o666, UInt(1 << 8 | 3)) == 0, "our own null device (root)")
        #expect(symlink(dir.file("devnull"), dir.file("null")) == 0)
        let output = try AtomicFileOutput(path: dir.file("null"))
        #expect(output.mode == .direct)
        try write("data", to: output)
        output.abort()
        var info = stat()
        #expect(lstat(dir.file("null"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(fileType(dir.file("devnull")) == S_IFCHR)
    }

    @Test("a missing directory is reported naming FILE, before anything is written")
    func missingDirectory() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("nope/run.csv")
        let error = try #require(throws: OutputError.self) { try AtomicFileOutput(path: path) }
        #expect(error == .cannotOpen(path: path, reason: "directory '\(dir.file("nope"))' does not exist"))
        #expect(error.description.contains("cannot write '\(path)'"))
        #expect(dir.entries.isEmpty)
    }

    @Test("a directory at FILE, or a file as the directory, is an error")
    func notAFile() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        #expect(throws: OutputError.cannotOpen(path: dir.path, reason: "is a directory")) {
            try AtomicFileOutput(path: dir.path)
        }
        try "x".write(toFile: dir.file("plain"), atomically: false, encoding: .utf8)
        #expect(throws: OutputError.self) { try AtomicFileOutput(path: dir.file("plain/run.csv")) }
        #expect(dir.entries == ["plain"])
    }

    @Test("an unwritable directory is an error, also as root (a read-only tmpfs)")
    func unwritableDirectory() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        if getuid() == 0 {
            // Root ignores permission bits: a file system mounted read-only stops it.
            #expect(mount("tmpfs", dir.path, "tmpfs", UInt(MS_RDONLY), "size=64k") == 0, "mount: \(errno)")
            defer { umount(dir.path) }
            let error = try #require(throws: OutputError.self) { try AtomicFileOutput(path: dir.file("run.csv")) }
            #expect(error.description.hasPrefix("cannot write '\(dir.file("run.csv"))': "), "\(error)")
            #expect(error.description.contains("Read-only file system") || error.description.contains("not writable"))
            #expect(dir.entries.isEmpty)
        } else {
            #expect(chmod(dir.path, 0o555) == 0)
            defer { chmod(dir.path, 0o755) }
            #expect(throws: OutputError.self) { try AtomicFileOutput(path: dir.file("run.csv")) }
        }
    }

    @Test("a directory nobody can create files in (procfs) is reported before anything is written")
    func uncreatable() throws {
        let path = "/proc/armsim-output-test.csv"
        let error = try #require(throws: OutputError.self) { try AtomicFileOutput(path: path) }
        #expect(error.description.hasPrefix("cannot write '\(path)': "))
        #expect(TemporaryFileRegistry.registeredPaths.allSatisfy { !$0.hasPrefix("/proc/") })
    }

    @Test("a FIFO is written directly and stays a FIFO")
    func fifo() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        // A reader first, so opening for writing does not wait.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        let output = try AtomicFileOutput(path: path)
        #expect(output.mode == .direct)
        try write("hello\n", to: output)
        try output.commit()
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(reader, &buffer, buffer.count)
        #expect(n == 6)
        #expect(fileType(path) == S_IFIFO)
        #expect(dir.entries == ["pipe"])
    }

    @Test("a FIFO whose reader is gone gives brokenPipe")
    func fifoReaderGone() throws {
        _ = signal(SIGPIPE, SIG_IGN)  // the program's job (armsim's SignalHandling), not ArmIO's
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let path = dir.file("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        let output = try AtomicFileOutput(path: path)
        close(reader)
        #expect(throws: OutputError.brokenPipe) { try write("x", to: output) }
        output.abort()
        #expect(fileType(path) == S_IFIFO)
    }

    @Test("a closed pipe gives brokenPipe instead of killing the process (SIGPIPE ignored)")
    func brokenPipe() throws {
        _ = signal(SIGPIPE, SIG_IGN)  // the program's job (armsim's SignalHandling), not ArmIO's
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        close(fds[0])
        defer { close(fds[1]) }
        let sink = FileDescriptorSink(fileDescriptor: fds[1], name: "stdout")
        #expect(throws: OutputError.brokenPipe) { try write("row\n", to: sink) }
        // Through the writer too, as `armsim run | head` would see it.
        let writer = TrajectoryWriter(format: .csv, jointCount: 3, task: .position, sink: sink, chunkSize: 64)
        #expect(throws: OutputError.brokenPipe) {
            for k in 0..<100 { try writer.write(outputSampleFrame(index: k)) }
            try writer.finish()
        }
    }

    @Test("large writes through a pipe arrive complete (partial writes are continued)")
    func partialWrites() async throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let readEnd = fds[0]
        let writeEnd = fds[1]
        let total = 1 << 20
        let reading = Task.detached { () -> Int in
            var count = 0
            var buffer = [UInt8](repeating: 0, count: 1000)
            while true {
                let n = read(readEnd, &buffer, buffer.count)
                if n <= 0 { break }
                count += n
            }
            close(readEnd)
            return count
        }
        let sink = FileDescriptorSink(fileDescriptor: writeEnd, name: "pipe")
        let bytes = [UInt8](repeating: 65, count: total)
        try bytes.withUnsafeBytes { try sink.write($0) }
        close(writeEnd)
        #expect(await reading.value == total)
    }

    @Test func standardStreamPaths() {
        #expect(AtomicFileOutput.standardStreamDescriptor("/dev/stdout") == 1)
        #expect(AtomicFileOutput.standardStreamDescriptor("/dev/stderr") == 2)
        #expect(AtomicFileOutput.standardStreamDescriptor("/dev/fd/5") == 5)
        #expect(AtomicFileOutput.standardStreamDescriptor("/proc/self/fd/1") == 1)
        #expect(AtomicFileOutput.standardStreamDescriptor("/dev/null") == nil)
        #expect(AtomicFileOutput.split("run.csv") == (".", "run.csv"))
        #expect(AtomicFileOutput.split("/run.csv") == ("/", "run.csv"))
        #expect(AtomicFileOutput.split("a/b/run.csv") == ("a/b", "run.csv"))
    }

    @Test("/dev/stdout reuses descriptor 1 and never touches the file system")
    func devStdout() throws {
        let output = try AtomicFileOutput(path: "/dev/stdout")
        #expect(output.mode == .direct)
        output.abort()
        #expect(fcntl(1, F_GETFD) >= 0)  // our duplicate was closed, not descriptor 1
    }
}

/// The signal path, end to end: a child process (this test binary, running only `child`) opens an
/// `AtomicFileOutput`, writes, and waits; the parent sends SIGTERM and checks the exit status (128 + 15)
/// and that neither FILE nor the temporary file remains.
@Suite("Output: temporary files")
struct OutputTemporaryFileTests {
    /// The handler currently installed for `signo`, as an integer (SIG_DFL is 0).
    static func handler(_ signo: Int32) -> Int {
        var action = sigaction()
        sigaction(signo, nil, &action)
        return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
    }

    @Test("ArmIO installs no signal handler (the program does)")
    func noHandlers() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGALRM]
        let before = signals.map(Self.handler)
        let output = try AtomicFileOutput(path: dir.file("run.csv"))
        output.abort()
        #expect(signals.map(Self.handler) == before)
    }

    @Test("unlinkAll removes every registered temporary file")
    func unlinkAll() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        let output = try AtomicFileOutput(path: dir.file("run.csv"))
        try write("partial", to: output)
        #expect(dir.entries.count == 1)
        TemporaryFileRegistry.unlinkAll()
        #expect(dir.entries.isEmpty)
        output.abort()
    }

    @Test("names are short, hidden, ours, and carry the pid")
    func names() {
        let name = TemporaryFileName.make(pid: 4_194_304)
        #expect(name.hasPrefix(".armsim-4194304-") && name.hasSuffix(".tmp") && name.count == 36)
        #expect(TemporaryFileName.owner(of: name) == 4_194_304)
        for other in [".armsim-12-abc.tmp", "armsim-12-0000000000000000.tmp", ".run.csv.tmp-12-ab", ".armsim-x-0000000000000000.tmp"] {
            #expect(TemporaryFileName.owner(of: other) == nil, "\(other)")
        }
    }

    @Test("stale files of dead processes are cleared once per directory; live ones and others stay")
    func stale() throws {
        let dir = try OutputScratchDirectory()
        defer { dir.remove() }
        var child: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/true"), nil]
        #expect(posix_spawn(&child, "/bin/true", nil, nil, &argv, nil) == 0)
        var status: Int32 = 0
        waitpid(child, &status, 0)
        free(argv[0])
        let dead = TemporaryFileName.make(pid: child)
        let live = TemporaryFileName.make(pid: getppid())
        for name in [dead, live, ".run.csv.tmp-1-ab", "frame-000001.png"] {
            close(open(dir.file(name), O_WRONLY | O_CREAT, 0o644))
        }
        #expect(StaleTemporaryFiles.clean(directory: dir.path) == [dead])
        #expect(Set(dir.entries) == [live, ".run.csv.tmp-1-ab", "frame-000001.png"])
        close(open(dir.file(dead), O_WRONLY | O_CREAT, 0o644))
        #expect(StaleTemporaryFiles.clean(directory: dir.path) == [], "scanned once per process")
    }
}
