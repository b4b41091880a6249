import Foundation

/// Runs the built `armsim` binary as a user would, capturing stdout, stderr and the exit status.
struct CLIResult {
    var status: Int32
    var stdout: String
    var stderr: String
    var stdoutLines: [Substring] { stdout.split(separator: "\n", omittingEmptySubsequences: true) }
}

enum CLI {
    /// The armsim executable next to the test bundle (the same build directory), or under .build/debug.
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("armsim"),
            Bundle.main.bundleURL.appendingPathComponent("armsim"),
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("armsim"),
            packageRoot.appendingPathComponent(".build/debug/armsim"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scenario(_ name: String) -> String { packageRoot.appendingPathComponent("scenarios/\(name)").path }

    @discardableResult
    static func run(_ arguments: [String], cwd: URL? = nil) throws -> CLIResult {
        let process = try start(arguments, cwd: cwd)
        let out = process.standardOutput as! Pipe, err = process.standardError as! Pipe
        return try collect(process, out, err)
    }

    static func start(_ arguments: [String], cwd: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = cwd }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DISPLAY")
        environment.removeValue(forKey: "WAYLAND_DISPLAY")
        process.environment = environment
        process.standardOutput = Pipe()
        process.standardError = Pipe()
        try process.run()
        return process
    }

    /// Waits for `process`, reading both pipes concurrently so a large trajectory cannot fill one and block it;
    /// with `input`, its bytes are written to `input.pipe` (then closed) while the readers run.
    static func collect(_ process: Process, _ out: Pipe, _ err: Pipe,
                        input: (pipe: Pipe, bytes: Data)? = nil) throws -> CLIResult {
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box(), errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outBox.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let input {
            try input.pipe.fileHandleForWriting.write(contentsOf: input.bytes)
            try input.pipe.fileHandleForWriting.close()
        }
        process.waitUntilExit()
        group.wait()
        return CLIResult(status: process.terminationStatus,
                         stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("armsim-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension CLI {
    /// Runs `script` with bash, `$ARMSIM` naming the binary and `$SCENARIOS` the shipped scenarios' folder
    /// (for redirections a `Process` cannot express: `2>&-`, pipes into `head`).
    @discardableResult
    static func shell(_ script: String, cwd: URL? = nil) throws -> CLIResult {
        let scenarios = packageRoot.appendingPathComponent("scenarios").path
        let wrapped = "ARMSIM='\(executable.path)'; SCENARIOS='\(scenarios)'; unset DISPLAY WAYLAND_DISPLAY; \(script)"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", wrapped]
        if let cwd { process.currentDirectoryURL = cwd }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return try collect(process, out, err)
    }

    /// The kind of file at `path` (S_IFREG, S_IFCHR, S_IFIFO, S_IFLNK…) without following a link, or nil.
    static func fileType(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Every name in `dir`, hidden ones included, sorted.
    static func names(in dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }
}
