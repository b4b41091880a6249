import Foundation
import Testing

/// SDL is opened with dlopen only when drawing starts. These run the real binary with the loader's test hook,
/// ARMSIM_SDL_LIBRARY_DIR, pointed at an empty directory: exactly what a machine without the libraries sees.
@Suite struct MissingSDLTests {
    static let hint = "install the Debian packages libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0"

    /// Runs armsim with `environment` added (DISPLAY and WAYLAND_DISPLAY removed, as CLI.run does).
    static func run(_ arguments: [String], environment: [String: String]) throws -> CLIResult {
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "DISPLAY")
        env.removeValue(forKey: "WAYLAND_DISPLAY")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Both pipes at once, so a large trajectory cannot fill one while the other is being read.
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { errBox.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CLIResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self))
    }

    static func withoutSDL(_ arguments: [String]) throws -> CLIResult {
        let empty = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        return try run(arguments, environment: ["ARMSIM_SDL_LIBRARY_DIR": empty.path])
    }

    @Test func renderWithoutSDLFailsWithOneLineNamingThePackages() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("x.png").path
        let result = try Self.withoutSDL(["render", CLI.scenario("circle.json"), "--output", png])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("armsim: error: drawing needs the SDL2 libraries"))
        #expect(result.stderr.contains("libSDL2-2.0.so.0") && result.stderr.contains(Self.hint))
        #expect(!FileManager.default.fileExists(atPath: png))
    }

    @Test func recordWithoutSDLFailsBeforeCreatingTheDirectory() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let frames = dir.appendingPathComponent("frames").path
        let result = try Self.withoutSDL(["run", CLI.scenario("circle.json"), "--record", frames, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(Self.hint), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: frames))
    }

    /// The window says the same and exits 69 (unavailable), like a missing display; DISPLAY is set to a
    /// display that does not exist so that the library check, not the display check, is what fails.
    @Test func windowWithoutSDLExits69() throws {
        let empty = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try Self.run(["run", CLI.scenario("circle.json"), "--quit-after", "1"],
                                  environment: ["ARMSIM_SDL_LIBRARY_DIR": empty.path, "DISPLAY": ":97"])
        #expect(result.status == 69)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains(Self.hint), "\(result.stderr)")
    }

    @Test func headlessCommandsWorkWithoutSDL() throws {
        let validate = try Self.withoutSDL(["validate", CLI.scenario("circle.json")])
        #expect(validate.status == 0 && validate.stdout == "\(CLI.scenario("circle.json")): ok\n", "\(validate.stderr)")
        let inspect = try Self.withoutSDL(["inspect", "--links", "1,0.8,0.6", "--q", "0.1,0.2,0.3"])
        #expect(inspect.status == 0 && inspect.stdout.contains("singular values"), "\(inspect.stderr)")
        let run = try Self.withoutSDL(["run", CLI.scenario("line.json"), "--headless", "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count > 10 && run.stderr.isEmpty)
    }
}
