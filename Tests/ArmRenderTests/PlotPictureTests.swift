import ArmKit
import Foundation
import Testing
@testable import ArmRender

/// Pixel tests of the plotting commands' pictures: each samples where something must (or must not) be drawn.
@Suite struct PlotPictureTests {
    func load(_ bytes: [UInt8], _ label: String) throws -> PixelImage {
        let dir = temporaryDirectory(label)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/p.png"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try PixelImage(path: path)
    }

    /// The stretched 3-link arm (links 1, 0.8, 0.6, q = 0, target (1.5, 0)): its saddle in (q1, q2) at the origin.
    func stretchedLandscape(resolution: Int = 256) -> LandscapePicture {
        let arm = try! PlanarArm(links: [1, 0.8, 0.6])
        let slice = LossSlice(arm: arm, task: .position, target: Pose2D(x: 1.5, y: 0), center: [0, 0, 0], joints: (1, 2))
        var picture = LandscapePicture(grid: LossGrid(slice: slice, xJoint: 1, yJoint: 2, range: .pi, resolution: resolution))
        picture.criticalPoints = CriticalPointSearch().run(slice: slice, xJoint: 1, yJoint: 2, range: .pi)
        return picture
    }

    @Test(arguments: [(1280, 800), (640, 400)])
    func saddleMarkerSitsAtItsAngles(width: Int, height: Int) throws {
        let picture = stretchedLandscape()
        let saddle = try #require(picture.criticalPoints.first { $0.kind == .saddle && abs($0.x) < 1e-9 && abs($0.y) < 1e-9 })
        let image = try load(try picture.png(width: width, height: height), "landscape")
        let (axes, _) = picture.layout(scale: PlotSurface.scale(width: width, height: height), width: width, height: height)
        let p = axes.pixel(saddle.x, saddle.y)
        #expect(image.pixel(at: p).distance(to: LandscapePicture.saddleColor) < 60, "saddle ✕ at \(p)")
        // A third of the way to the right edge there is heat map, not a marker.
        let away = axes.pixel(saddle.x + 1.0, saddle.y)
        #expect(image.pixel(at: away).distance(to: LandscapePicture.saddleColor) > 100)
    }

    @Test func colourBarExtremesAreTheGridsMinimumAndMaximum() throws {
        var picture = stretchedLandscape(resolution: 48)
        picture.criticalPoints = []
        let (w, h) = (1280, 800)
        let image = try load(try picture.png(width: w, height: h), "colourbar")
        let (axes, bar) = picture.layout(scale: PlotSurface.scale(width: w, height: h), width: w, height: h)
        let r = bar.sdlRect, column = Int(r.x + r.w / 2)
        let top = image.pixel(column, Int(r.y)), bottom = image.pixel(column, Int(r.y + r.h - 1))
        #expect(top.distance(to: ColorMap.color(1)) < 2 && bottom.distance(to: ColorMap.color(0)) < 2)
        // The heat map's pixel at the grid's argmax (argmin) cell has the bar's top (bottom) colour.
        let grid = picture.grid
        for (value, expected) in [(grid.maximum, top), (grid.minimum, bottom)] {
            let k = try #require(grid.values.firstIndex(of: value))
            let (qx, qy) = grid.angles(column: k % grid.resolution, row: k / grid.resolution)
            var p = axes.pixel(qx, qy)
            p.x = min(max(p.x, axes.rect.x + 3), axes.rect.right - 3); p.y = min(max(p.y, axes.rect.y + 3), axes.rect.bottom - 3)
            let nearest = [(0, 0), (1, 0), (-1, 0), (0, 1), (0, -1)].map { image.pixel(p.column + $0.0, p.row + $0.1).distance(to: expected) }.min()!
            #expect(nearest < 2, "value \(value) at \(p)")
        }
    }

    @Test(arguments: [(1280, 800), (640, 400)])
    func workspaceMapIsBlankBeyondTheReachAndInTheHole(width: Int, height: Int) throws {
        let arm = try PlanarArm(links: [1.5, 0.5, 0.3])
        var sampler = WorkspaceSampler(arm: arm)
        sampler.samples = 200_000
        sampler.resolution = 128
        let picture = WorkspacePicture(map: sampler.run(workers: 2), arm: arm)
        let image = try load(try picture.png(width: width, height: height), "workspace")
        let (axes, _) = picture.layout(scale: PlotSurface.scale(width: width, height: height), width: width, height: height)
        let white = PlotTheme.background
        // Beyond Σ L: the corners of the map; in the hole: halfway between the base dot and the inner circle.
        for (x, y) in [(2.3, 2.3), (-2.2, 2.2), (2.0, -2.1), (0.35, 0), (0, -0.4), (-0.3, 0.2)] {
            #expect(image.pixel(at: axes.pixel(x, y)) == white, "(\(x), \(y)) should be blank")
        }
        // In the annulus there is colour.
        for (x, y) in [(1.4, 0), (0, -1.5), (-1.2, 1.0)] {
            #expect(image.pixel(at: axes.pixel(x, y)).distance(to: white) > 60, "(\(x), \(y)) should be filled")
        }
    }

    func envelope(rows: Int, unreachable: Range<Int>, spikeAt: Int? = nil) -> RunEnvelope {
        let e = RunEnvelope(jointCount: 2, binCapacity: 512)
        var values = [Double](repeating: 0, count: 6)
        for k in 0..<rows {
            values[0] = sin(Double(k) * 0.01); values[1] = cos(Double(k) * 0.01)
            values[2] = k == spikeAt ? 5 : 1e-9; values[3] = 0.5; values[4] = 0; values[5] = 2
            let status: SolveStatus = unreachable.contains(k) ? .unreachable : .converged
            values.withUnsafeBufferPointer { e.add(t: Double(k) * 0.01, values: $0, singular: false, singularity: .none, status: status) }
        }
        return e
    }

    @Test func statusBandIsRedWhereTheRunIsUnreachable() throws {
        let picture = RunPlotPicture(envelope: envelope(rows: 1000, unreachable: 400..<600))
        let image = try load(try picture.png(width: 1280, height: 800), "runplot")
        let (_, band, time) = try SDLSession.locked { () throws -> ([(RunPlotPanel, PixelRect)], PixelRect?, AxisScale) in
            let s = try PlotSurface(width: 1280, height: 800)
            defer { s.close() }
            return picture.layout(s)
        }
        let b = try #require(band)
        let y = Int(b.y + b.height / 2)
        #expect(image.pixel(Int(time.pixel(5.0)), y) == Palette.armUnreachable)
        #expect(image.pixel(Int(time.pixel(1.0)), y) == Palette.armTracking)
        #expect(image.pixel(Int(time.pixel(8.0)), y) == Palette.armTracking)
    }

    /// 10⁵ rows into 64 bins: the one-row spike survives every merge.
    @Test func envelopeKeepsASingleSpike() {
        let e = envelope(rows: 100_000, unreachable: 77_777..<77_778, spikeAt: 54_321)
        #expect(e.rows == 100_000 && e.bins.count <= e.binCapacity)
        #expect(e.range([2])?.1 == 5)
        let bin = e.bins.first { e.tFirst[$0] <= 543.21 && 543.21 <= e.tLast[$0] }!
        #expect(e.maximum(bin, 2) == 5)
        #expect(e.bins.filter { e.worstStatus($0) == .unreachable }.count == 1)
    }
}
