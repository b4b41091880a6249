import Foundation
import Testing

/// Headless commands must not map SDL: checked with the dynamic loader's own trace (LD_DEBUG=libs lists every
/// library it looks for, dlopen included), against `render`, which must.
@Suite struct StartupTests {
    static func loaderTrace(_ arguments: [String]) throws -> CLIResult {
        try MissingSDLTests.run(arguments, environment: ["LD_DEBUG": "libs"])
    }

    static func loadsSDL(_ trace: CLIResult) -> Bool { trace.stderr.contains("find library=libSDL2") }

    @Test func validateInspectAndHeadlessRunDoNotLoadSDL() throws {
        let commands = [
            ["validate", CLI.scenario("circle.json")],
            ["inspect", "--links", "1,0.8,0.6", "--q", "0.1,0.2,0.3"],
            ["run", CLI.scenario("line.json"), "--headless", "--quiet", "--duration", "0.1"],
        ]
        for command in commands {
            let trace = try Self.loaderTrace(command)
            #expect(trace.status == 0, "\(command): \(trace.stderr.suffix(300))")
            #expect(trace.stderr.contains("find library="), "LD_DEBUG gave no trace for \(command)")
            let loaded = Self.loadsSDL(trace)
            #expect(!loaded, "\(command) loaded SDL")
        }
    }

    /// armsim and ArmRender use no Foundation at all (not even FoundationEssentials): its conformance records
    /// alone doubled the runtime's work for every dynamic cast at start-up (docs/performance.md). A new
    /// `import Foundation` or `import FoundationEssentials` in either module fails here. (After such an import is
    /// removed, an incremental debug build can keep stale objects that still name it: build clean.)
    @Test func headlessCommandsDoNotLoadFoundation() throws {
        let trace = try Self.loaderTrace(["validate", CLI.scenario("circle.json")])
        #expect(trace.status == 0)
        #expect(trace.stderr.contains("find library=libswiftCore"), "the trace did not list the Swift runtime")
        let foundation = trace.stderr.split(separator: "\n").filter { $0.contains("find library=libFoundation") || $0.contains("find library=lib_FoundationICU") }
        #expect(foundation.isEmpty, "armsim loads \(foundation)")
    }

    @Test func renderLoadsSDLWhenItDraws() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let trace = try Self.loaderTrace(["render", CLI.scenario("circle.json"), "--size", "160x100",
                                          "--output", dir.appendingPathComponent("x.png").path])
        #expect(trace.status == 0, "\(trace.stderr.suffix(300))")
        let loaded = Self.loadsSDL(trace)
        #expect(loaded, "render did not load libSDL2 (is LD_DEBUG honoured?)")
    }
}
