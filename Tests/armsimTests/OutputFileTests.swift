import Foundation
import Testing

/// Every picture and trajectory goes through one writer: regular files atomically, special files written
/// through, every failure one line and exit 1 with nothing left behind. Run as root with our own device nodes,
/// FIFOs and symlinks in a temporary directory (never the machine's /dev/null or /dev/full).
@Suite(.serialized) struct OutputFileTests {
    static let pngMagic: [UInt8] = [0x89, 0x50, 0x4E, 0x47]
    static let jpegMagic: [UInt8] = [0xFF, 0xD8, 0xFF]

    /// A temporary directory holding `null` (c 1 3), `full` (c 1 7) and `fifo`.
    static func nodes() throws -> URL {
        let dir = try CLI.temporaryDirectory()
        let made = try CLI.shell("cd '\(dir.path)' && mknod null c 1 3 && mknod full c 1 7 && mkfifo fifo")
        #expect(made.status == 0, "mknod needs root: \(made.stderr)")
        return dir
    }

    static func bytes(_ path: String) -> [UInt8] {
        (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
    }

    /// `body` gets a 64 KiB tmpfs mounted at DIR/small, unmounted afterwards; nil when mounting is impossible.
    static func withSmallFileSystem(_ body: (URL) throws -> Void) throws {
        let dir = try CLI.temporaryDirectory()
        let small = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: small, withIntermediateDirectories: true)
        let mount = try CLI.shell("mount -t tmpfs -o size=64k tmpfs '\(small.path)'")
        guard mount.status == 0 else {
            Issue.record("cannot mount a tmpfs (\(mount.stderr)): the full-file-system case is covered by ulimit -f below")
            return
        }
        defer { _ = try? CLI.shell("umount '\(small.path)'") }
        try body(small)
    }

    // MARK: render

    @Test func renderWritesThroughDevicesAndKeepsThem() throws {
        let d = try Self.nodes()
        let ok = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/null", "--size", "320x200"])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(CLI.fileType(d.path + "/null") == S_IFCHR)
        let full = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/full", "--size", "320x200"])
        #expect(full.status == 1)
        #expect(full.stderr.split(separator: "\n").count == 1, "\(full.stderr)")
        #expect(full.stderr.contains(d.path + "/full") && full.stderr.contains("No space left on device"), "\(full.stderr)")
        #expect(CLI.fileType(d.path + "/full") == S_IFCHR)
        #expect(CLI.names(in: d) == ["fifo", "full", "null"])
    }

    @Test func renderIntoAFIFOReachesItsReader() throws {
        let d = try Self.nodes()
        let r = try CLI.shell("""
            cat '\(d.path)/fifo' > '\(d.path)/read.png' & reader=$!
            "$ARMSIM" render "$SCENARIOS/circle.json" --output '\(d.path)/fifo' --size 320x200; s=$?
            wait $reader; exit $s
            """)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.fileType(d.path + "/fifo") == S_IFIFO)
        #expect(Array(Self.bytes(d.path + "/read.png").prefix(4)) == Self.pngMagic)
    }

    @Test func renderThroughASymlinkKeepsTheLink() throws {
        let d = try Self.nodes()
        try Data("old".utf8).write(to: d.appendingPathComponent("real.png"))
        #expect(symlink("real.png", d.path + "/link.png") == 0)
        let r = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/link.png", "--size", "320x200"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.fileType(d.path + "/link.png") == S_IFLNK)
        #expect(Array(Self.bytes(d.path + "/real.png").prefix(4)) == Self.pngMagic)
        #expect(CLI.names(in: d) == ["fifo", "full", "link.png", "null", "real.png"])
    }

    @Test func renderChoosesTheFormatFromTheExtension() throws {
        let d = try CLI.temporaryDirectory()
        let jpg = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/a.JPG", "--size", "320x200"])
        #expect(jpg.status == 0, "\(jpg.stderr)")
        #expect(Array(Self.bytes(d.path + "/a.JPG").prefix(3)) == Self.jpegMagic)
        let png = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/a.png", "--size", "320x200"])
        #expect(png.status == 0)
        #expect(Array(Self.bytes(d.path + "/a.png").prefix(4)) == Self.pngMagic)
        let bmp = try CLI.run(["render", CLI.scenario("circle.json"), "--output", d.path + "/a.bmp"])
        #expect(bmp.status == 64)
        #expect(bmp.stderr.contains("--output") && bmp.stderr.contains(".png"), "\(bmp.stderr)")
        #expect(CLI.names(in: d) == ["a.JPG", "a.png"])
    }

    @Test func renderOnAFullFileSystemFailsAndLeavesNothing() throws {
        try Self.withSmallFileSystem { small in
            let r = try CLI.run(["render", CLI.scenario("circle.json"), "--output", small.path + "/big.png", "--size", "2000x2000"])
            #expect(r.status == 1)
            #expect(r.stderr.contains(small.path + "/big.png") && r.stderr.contains("No space left on device"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
            #expect(CLI.names(in: small) == [])
        }
    }

    @Test func writeFailuresUnderAFileSizeLimitLeaveNothing() throws {
        // The honest fallback where mounting is impossible: RLIMIT_FSIZE makes write(2) fail with EFBIG.
        let d = try CLI.temporaryDirectory()
        let r = try CLI.shell("ulimit -f 8; \"$ARMSIM\" render \"$SCENARIOS/circle.json\" --output '\(d.path)/big.png' --size 2000x2000")
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains(d.path + "/big.png") && r.stderr.contains("File too large"), "\(r.stderr)")
        #expect(CLI.names(in: d) == [])
    }

    // MARK: run --record and --output

    @Test func recordOnAFullFileSystemFailsAndLeavesNoPartialFrame() throws {
        try Self.withSmallFileSystem { small in
            let dir = small.appendingPathComponent("frames")
            let r = try CLI.run(["run", CLI.scenario("circle.json"), "--record", dir.path, "--size", "640x400", "--quiet"])
            #expect(r.status == 1)
            #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
            let names = CLI.names(in: dir)
            #expect(!names.contains { $0.hasPrefix(".") }, "\(names)")
            for name in names {
                let bytes = Self.bytes(dir.path + "/" + name)
                #expect(bytes.count > 100 && Array(bytes.prefix(4)) == Self.pngMagic, "\(name) is incomplete")
                #expect(Array(bytes.suffix(8)) == [0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82], "\(name) lacks IEND")
            }
        }
    }

    @Test func trajectoryOnAFullFileSystemFailsAndLeavesNothing() throws {
        try Self.withSmallFileSystem { small in
            let r = try CLI.run(["run", CLI.scenario("circle.json"), "--headless", "--duration", "60",
                                 "--output", small.path + "/t.csv", "--quiet"])
            #expect(r.status == 1)
            #expect(r.stderr.contains(small.path + "/t.csv") && r.stderr.contains("No space left on device"), "\(r.stderr)")
            #expect(CLI.names(in: small) == [])
        }
    }

    @Test func trajectoryToOwnDevicesAndFIFO() throws {
        let d = try Self.nodes()
        let null = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/null", "--quiet"])
        #expect(null.status == 0)
        let full = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/full", "--quiet"])
        #expect(full.status == 1)
        #expect(full.stderr.contains("No space left on device"))
        #expect(CLI.fileType(d.path + "/null") == S_IFCHR && CLI.fileType(d.path + "/full") == S_IFCHR)
    }

    @Test func aMaximalLegalFileNameWorks() throws {
        let d = try CLI.temporaryDirectory()
        let name = String(repeating: "n", count: 251) + ".csv"
        let r = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/" + name, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(CLI.names(in: d) == [name])
        let png = String(repeating: "p", count: 251) + ".png"
        let p = try CLI.run(["render", CLI.scenario("line.json"), "--output", d.path + "/" + png, "--size", "320x200"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(CLI.names(in: d) == [name, png].sorted())
    }

    @Test func anUnwritableDirectoryIsReportedAsRoot() throws {
        // Root ignores permission bits, so: a path whose parent is a file.
        let d = try CLI.temporaryDirectory()
        try Data("x".utf8).write(to: d.appendingPathComponent("file"))
        for arguments in [["run", CLI.scenario("line.json"), "--headless", "--output", d.path + "/file/t.csv"],
                          ["render", CLI.scenario("line.json"), "--output", d.path + "/file/t.png"]] {
            let r = try CLI.run(arguments)
            #expect(r.status == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(d.path + "/file/t."), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        #expect(CLI.names(in: d) == ["file"])
    }

    // MARK: input is never the output

    @Test func theInputIsNeverTheOutput() throws {
        let d = try CLI.temporaryDirectory()
        let scenario = d.appendingPathComponent("x.json")
        try FileManager.default.copyItem(atPath: CLI.scenario("line.json"), toPath: scenario.path)
        let original = Self.bytes(scenario.path)
        #expect(symlink("x.json", d.path + "/alias.json") == 0)
        #expect(link(scenario.path, d.path + "/hard.json") == 0)
        let spellings = ["x.json", "./x.json", "alias.json", "hard.json", d.path + "/x.json"]
        for output in spellings {
            let run = try CLI.run(["run", "x.json", "--headless", "--output", output], cwd: d)
            #expect(run.status == 64, "\(output): \(run.stderr)")
            #expect(run.stderr.contains("is the scenario"), "\(run.stderr)")
            let render = try CLI.run(["render", "x.json", "--output", output], cwd: d)
            #expect(render.status == 64, "\(output): \(render.stderr)")
        }
        #expect(Self.bytes(scenario.path) == original)
        #expect(CLI.names(in: d) == ["alias.json", "hard.json", "x.json"])
    }
}
