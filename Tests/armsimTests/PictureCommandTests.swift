import CSDL2
import Foundation
import Testing

/// The plotting commands end to end through the binary: bad input gets one line and a non-zero exit; output
/// rules hold for pictures; the plot of a CSV is red in its status band where the CSV says `unreachable`.
@Suite struct PictureCommandTests {
    func expectUsage(_ args: [String], mentions: String, status: Int32 = 64) throws {
        let r = try CLI.run(args)
        #expect(r.status == status, "\(args): \(r.stderr)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1 && r.stderr.contains(mentions), "\(args): \(r.stderr)")
    }

    @Test func badLandscapeOptions() throws {
        let arm = ["landscape", "--links", "1,0.8,0.6", "--target", "1.5,0", "--json"]
        try expectUsage(arm + ["--joints", "0,3"], mentions: "--joints[1]: joint 3 is out of range")
        try expectUsage(arm + ["--joints", "2,2"], mentions: "--joints: the two joints must differ")
        try expectUsage(arm + ["--resolution", "0"], mentions: "--resolution")
        try expectUsage(arm + ["--resolution", "1000000"], mentions: "--resolution")
        try expectUsage(arm + ["--paths", "dls,bogus"], mentions: "--paths[1]: unknown solver method 'bogus'")
    }

    @Test func badWorkspaceAndPlotOptions() throws {
        try expectUsage(["workspace", "--links", "1,1", "--samples", "0", "--output", "/tmp/never.png"], mentions: "--samples")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let foreign = dir.appendingPathComponent("sales.csv").path
        try "date,amount\n2026-01-01,3\n".write(toFile: foreign, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("p.png").path
        try expectUsage(["plot", foreign, "--output", out], mentions: "not an armsim trajectory", status: 1)
        #expect(!FileManager.default.fileExists(atPath: out))
        try expectUsage(["plot", foreign, "--output", foreign], mentions: "is the input file")
    }

    @Test func landscapeJSONListsTheStretchedArmsSaddle() throws {
        let r = try CLI.run(["landscape", "--links", "1,0.8,0.6", "--q", "0,0,0", "--target", "1.5,0", "--joints", "1,2", "--json", "--resolution", "16"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let points = json["criticalPoints"] as! [[String: Any]]
        let origin = points.first { p in (p["q"] as! [Double]).allSatisfy { abs($0) < 1e-9 } }
        #expect(origin?["kind"] as? String == "saddle")
        let l = origin?["eigenvalues"] as? [Double] ?? []
        #expect(l.count == 2 && l[0] < 0 && l[1] > 0)
    }

    /// A picture to a symlink is written through the link, which stays a link.
    @Test func pictureThroughASymlinkKeepsTheLink() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.png").path, link = dir.appendingPathComponent("link.png").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: real))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
        let r = try CLI.run(["workspace", "--links", "1,0.5", "--samples", "20000", "--output", link, "--size", "320x200"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == real)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: real))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// Rows 40…79 of 120 are `unreachable`: the band is the window's unreachable red there, teal elsewhere.
    @Test func plotStatusBandIsRedWhereTheCSVSaysUnreachable() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var csv = "t,target_x,target_y,q0,q1,tip_x,tip_y,error,sigma_min,manipulability,damping,iterations,singular,singularity,status\n"
        for k in 0..<120 {
            let status = (40..<80).contains(k) ? "unreachable" : "converged"
            csv += "\(Double(k) * 0.1),1,0,\(0.01 * Double(k)),0.2,1,0,1e-9,0.5,0.4,0,2,false,none,\(status)\n"
        }
        let input = dir.appendingPathComponent("run.csv").path, png = dir.appendingPathComponent("run.png").path
        try csv.write(toFile: input, atomically: true, encoding: .utf8)
        let r = try CLI.run(["plot", input, "--output", png, "--columns", "error,status", "--size", "800x400"])
        #expect(r.status == 0, "\(r.stderr)")
        let band = try StatusBandProbe(path: png)
        // The band spans t = 0 … 11.9 s across its width; sample at t = 6 s (unreachable) and t = 2, 10 s.
        let red = [255, 107, 107], teal = [45, 212, 191]
        func at(_ t: Double) -> [Int] { let c = band.color(atFraction: t / 11.9); return [c.0, c.1, c.2] }
        #expect(at(6) == red)
        #expect(at(2) == teal && at(10) == teal)
    }
}

/// Finds the status band in a run plot (the lowest row run of teal pixels) and samples it along its width.
struct StatusBandProbe {
    let rgb: [[(Int, Int, Int)]]
    let row: Int, left: Int, right: Int

    init(path: String) throws {
        guard let raw = IMG_Load(path), let s = SDL_ConvertSurfaceFormat(raw, UInt32(SDL_PIXELFORMAT_RGBA32.rawValue), 0) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        defer { SDL_FreeSurface(raw); SDL_FreeSurface(s) }
        let w = Int(s.pointee.w), h = Int(s.pointee.h), pitch = Int(s.pointee.pitch)
        let p = s.pointee.pixels!.assumingMemoryBound(to: UInt8.self)
        let pixels = (0..<h).map { y in (0..<w).map { x in (Int(p[y * pitch + x * 4]), Int(p[y * pitch + x * 4 + 1]), Int(p[y * pitch + x * 4 + 2])) } }
        let isTeal = { (c: (Int, Int, Int)) in c == (45, 212, 191) }
        guard let y = (0..<h).reversed().first(where: { y in pixels[y].filter(isTeal).count > w / 4 }) else { throw CocoaError(.fileReadCorruptFile) }
        rgb = pixels
        row = y
        left = pixels[y].firstIndex(where: isTeal)!
        right = pixels[y].lastIndex(where: isTeal)!
    }

    func color(atFraction f: Double) -> (Int, Int, Int) { rgb[row][left + Int(f * Double(right - left))] }
}

extension PictureCommandTests {
    /// `run --headless --plot` writes the trajectory and the plot; --plot needs --headless.
    @Test func runWritesTrajectoryAndPlot() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("run.csv").path, png = dir.appendingPathComponent("run.png").path
        let r = try CLI.run(["run", CLI.scenario("line.json"), "--headless", "--quiet", "--output", csv, "--plot", png, "--size", "640x400"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: csv))
        #expect(try Data(contentsOf: URL(fileURLWithPath: png)).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        try expectUsage(["run", CLI.scenario("line.json"), "--plot", png], mentions: "--plot: only with --headless")
    }
}
