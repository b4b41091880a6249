import ArmIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where each scenario of `armsim run A.json B.json … --output-dir DIR` writes: DIR/A.csv, DIR/B.csv (the
/// file name without its extension, plus the format's). Made and checked before anything runs, so two inputs
/// that would write the same file, or an output that would overwrite an input, are a usage error up front.
struct BatchPlan {
    struct Item {
        let scenarioPath: String
        let outputPath: String
    }

    let directory: String
    let items: [Item]

    init(scenarios: [String], directory: String, format: TrajectoryFormat) throws(CommandFailure) {
        guard !directory.isEmpty else { throw Self.usage("--output-dir: empty directory name") }
        try Self.makeDirectory(directory)
        let resolvedDirectory = Self.resolved(directory) ?? directory
        var byOutput: [String: String] = [:]
        var items: [Item] = []
        for path in scenarios {
            let name = Self.stem(of: path) + "." + format.rawValue
            let output = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if let earlier = byOutput[name] {
                throw Self.usage("--output-dir: \(earlier) and \(path) would both write \(output)")
            }
            if let input = Self.resolved(path), input == resolvedDirectory + "/" + name {
                throw Self.usage("--output-dir: \(output) is the scenario file \(path) itself (input is never the output)")
            }
            byOutput[name] = path
            items.append(Item(scenarioPath: path, outputPath: output))
        }
        self.directory = directory
        self.items = items
    }

    /// `dir/circle.json` → `circle`; a name without an extension stays whole.
    static func stem(of path: String) -> String {
        let base = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }

    static func resolved(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// `mkdir -p`: each missing component is created; an existing non-directory is an error naming it.
    static func makeDirectory(_ directory: String) throws(CommandFailure) {
        var prefix = directory.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST {
                throw CommandFailure(message: "--output-dir: cannot create \(prefix): \(String(cString: strerror(errno)))")
            }
            prefix += "/"
        }
        var info = stat()
        guard stat(directory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw CommandFailure(message: "--output-dir: \(directory) is not a directory")
        }
    }

    private static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: ExitCode32.usage)
    }
}
