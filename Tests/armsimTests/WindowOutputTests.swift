import Foundation
import Testing

/// `--screenshot` goes through the same writer as every other output (under Xvfb), and a display that dies
/// mid-run gets armsim's own line.
@Suite(.serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xvfb-run"), "needs xvfb-run"))
struct WindowOutputTests {
    static func window(_ arguments: String) throws -> CLIResult {
        try CLI.shell("timeout 60 xvfb-run -a -n $((100 + RANDOM % 300)) -s '-screen 0 1280x800x24' \"$ARMSIM\" run \"$SCENARIOS/circle.json\" --quit-after 0.5 --size 640x400 \(arguments)")
    }

    @Test func screenshotsFollowTheOutputRules() throws {
        let d = try OutputFileTests.nodes()
        let null = try Self.window("--screenshot '\(d.path)/null'")
        #expect(null.status == 0, "\(null.stderr)")
        let full = try Self.window("--screenshot '\(d.path)/full'")
        #expect(full.status == 1)
        #expect(full.stderr.contains("'\(d.path)/full': No space left on device"), "\(full.stderr)")
        #expect(symlink("real.png", d.path + "/link.png") == 0)
        let link = try Self.window("--screenshot '\(d.path)/link.png'")
        #expect(link.status == 0, "\(link.stderr)")
        #expect(CLI.fileType(d.path + "/link.png") == S_IFLNK)
        #expect(Array(OutputFileTests.bytes(d.path + "/real.png").prefix(4)) == OutputFileTests.pngMagic)
        let jpeg = try Self.window("--screenshot '\(d.path)/shot.jpeg'")
        #expect(jpeg.status == 0)
        #expect(Array(OutputFileTests.bytes(d.path + "/shot.jpeg").prefix(3)) == OutputFileTests.jpegMagic)
        #expect(CLI.fileType(d.path + "/null") == S_IFCHR && CLI.fileType(d.path + "/full") == S_IFCHR)
        #expect(CLI.names(in: d) == ["fifo", "full", "link.png", "null", "real.png", "shot.jpeg"])
    }

    @Test func aScreenshotOnAFullFileSystemLeavesNothing() throws {
        try OutputFileTests.withSmallFileSystem { small in
            // 64 KiB cannot hold a 640x400 PNG of the scene once a 40 KiB file is there.
            _ = try CLI.shell("head -c 40000 /dev/zero > '\(small.path)/ballast'")
            let r = try Self.window("--screenshot '\(small.path)/shot.png'")
            #expect(r.status == 1)
            #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
            #expect(CLI.names(in: small) == ["ballast"])
        }
    }

    @Test func aDisplayThatDiesMidRunGetsArmsimsOwnLine() throws {
        let r = try CLI.shell("""
            n=$((500 + RANDOM % 400)); Xvfb :$n -screen 0 800x600x24 >/dev/null 2>&1 & x=$!; sleep 1
            DISPLAY=:$n timeout 30 "$ARMSIM" run "$SCENARIOS/circle.json" --size 640x400 & a=$!; sleep 2
            kill -KILL $x; wait $a; s=$?; rm -f /tmp/.X$n-lock /tmp/.X11-unix/X$n; exit $s
            """)
        #expect(r.status == 1)
        #expect(r.stderr.contains("armsim: error: the connection to the display was lost"), "\(r.stderr)")
    }
}
