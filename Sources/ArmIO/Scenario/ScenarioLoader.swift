import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads scenario files (JSON, see the README's "Scenario files") into validated `Scenario`s.
///
/// Validation reports every problem it can find, each with the JSON path of the field concerned. A
/// malformed file is reported once, with line and column. Nothing here traps on any input.
public enum ScenarioLoader {
    /// Larger files are refused (scenario files are a few hundred bytes; this bound also bounds the memory
    /// the parsed tree can take).
    public static let maxFileSize = 1 << 20
    /// The largest `solver.maxIterations` accepted.
    public static let maxIterationsCap = SolverConfig.Bounds.maxIterations
    /// The deepest nesting of JSON arrays and objects accepted.
    public static let maxNestingDepth = JSONParser.maxDepth
    /// The longest link and the largest |base coordinate| accepted, metres (the same bound paths use).
    public static let maxLength = PlanarArm.maxLength

    /// Reads and validates a scenario file. `fileName` in messages is the path as the user gave it.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let bytes: [UInt8]
        switch readFile(path) {
        case .success(let b): bytes = b
        case .failure(let failure):
            throw ScenarioError(problems: [ScenarioProblem(file: path, field: "", message: "cannot read file: \(failure.reason)")])
        }
        return try decode(bytes, fileName: path)
    }

    /// Parses and validates scenario JSON. `fileName` names the file in messages and gives the default name.
    public static func decode(_ bytes: [UInt8], fileName: String) throws(ScenarioError) -> Scenario {
        guard bytes.count <= maxFileSize else {
            throw ScenarioError(problems: [ScenarioProblem(file: fileName, field: "", message: tooLarge)])
        }
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(problems: [ScenarioProblem(file: fileName, field: "", message: error.message,
                                                          line: error.location.line, column: error.location.column)])
        }
        var decoder = ScenarioDecoder(file: fileName)
        if let scenario = decoder.decode(root), decoder.reader.count == 0 { return scenario }
        var problems = decoder.reader.allProblems
        if problems.isEmpty {  // cannot happen: every nil result comes with a problem; never return half a result
            problems = [ScenarioProblem(file: fileName, field: "", message: "internal error: incomplete scenario")]
        }
        throw ScenarioError(problems: problems)
    }

    /// The default scenario name: the file's base name without its extension (`scenarios/circle.json` → `circle`).
    public static func defaultName(forFile fileName: String) -> String {
        var base = Substring(fileName)
        while base.count > 1, base.hasSuffix("/") { base = base.dropLast() }
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.lastIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        return base.isEmpty || base == "/" ? "scenario" : String(base)
    }

    // MARK: - Reading files

    struct ReadFailure: Error { var reason: String }

    static func readFile(_ path: String) -> Result<[UInt8], ReadFailure> {
        guard !path.utf8.contains(0) else { return .failure(ReadFailure(reason: "the path contains a NUL byte")) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(ReadFailure(reason: errorText(errno))) }
        defer { _ = close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(ReadFailure(reason: errorText(errno))) }
        if (UInt32(info.st_mode) & 0o170000) == 0o040000 { return .failure(ReadFailure(reason: errorText(EISDIR))) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(reason: errorText(errno)))
            }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > maxFileSize {
                return .failure(ReadFailure(reason: tooLarge))
            }
        }
        return .success(bytes)
    }

    private static var tooLarge: String { "larger than \(maxFileSize >> 20) MiB, too large for a scenario file" }

    private static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
