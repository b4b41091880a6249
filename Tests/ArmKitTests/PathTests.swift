import Testing
@testable import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func close(_ a: Double, _ b: Double, _ tol: Double = 1e-9) -> Bool { abs(a - b) <= tol }
private func close(_ p: Pose2D, _ x: Double, _ y: Double, _ tol: Double = 1e-9) -> Bool {
    close(p.x, x, tol) && close(p.y, y, tol)
}
/// Times that every path must survive without producing NaN or infinity.
private let extremeTimes: [Double] = [
    0, 1e-300, 0.5, 1, 3.999999, 4, 1e3, 1e6, 1e9, 1e15, 1e16, 1e100, 1e300, .greatestFiniteMagnitude,
    -1, -1e300, .nan, .infinity, -.infinity,
]

@Suite("Paths")
struct PathTests {
    // MARK: Circle

    @Test func circleStartsAtAngleZeroAndRunsCounterClockwise() throws {
        let c = try CirclePath(center: Point2D(x: 1.2, y: 0.4), radius: 0.5, period: 4)
        #expect(close(c.target(at: 0), 1.7, 0.4))
        #expect(close(c.target(at: 1), 1.2, 0.9))     // quarter period: (cx, cy + r)
        #expect(close(c.target(at: 2), 0.7, 0.4))
        #expect(close(c.target(at: 3), 1.2, -0.1))
        #expect(close(c.target(at: 4), 1.7, 0.4))
        #expect(close(c.target(at: 401), 1.2, 0.9, 1e-9))
        #expect(c.naturalDuration == 4)
    }

    @Test func circleClockwiseAndPhase() throws {
        let cw = try CirclePath(center: .origin, radius: 2, period: 8, clockwise: true)
        #expect(close(cw.target(at: 0), 2, 0))
        #expect(close(cw.target(at: 2), 0, -2))
        let phased = try CirclePath(center: .origin, radius: 1, period: 1, phase: .pi / 2)
        #expect(close(phased.target(at: 0), 0, 1))
        #expect(close(phased.target(at: 0.25), -1, 0))
    }

    @Test func circleOrientationIsThePoseAngle() throws {
        let c = try CirclePath(center: .origin, radius: 1, period: 1, orientation: 0.7)
        #expect(c.target(at: 0.3).phi == 0.7)
    }

    @Test func circleRejectsBadParametersAndReportsAll() {
        #expect(throws: PathError.self) { try CirclePath(center: .origin, radius: 0, period: 1) }
        do {
            _ = try CirclePath(center: Point2D(x: .nan, y: 0), radius: -1, period: 0, phase: .infinity)
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.map(\.field) == ["center", "radius", "period", "phase"])
            #expect(error.problems[1].message == "must be > 0, got -1")
        }
        #expect(throws: PathError.self) { try CirclePath(center: Point2D(x: 2e6, y: 0), radius: 1, period: 1) }
        #expect(throws: PathError.self) { try CirclePath(center: .origin, radius: 1e7, period: 1) }
    }

    // MARK: Line

    @Test func lineLinearThenHolds() throws {
        let l = try LinePath(from: Point2D(x: 0, y: 0), to: Point2D(x: 2, y: 1), duration: 2)
        #expect(close(l.target(at: 0), 0, 0))
        #expect(close(l.target(at: 0.5), 0.5, 0.25))
        #expect(close(l.target(at: 1), 1, 0.5))
        #expect(close(l.target(at: 2), 2, 1))
        #expect(close(l.target(at: 7), 2, 1))
        #expect(close(l.target(at: -1), 0, 0))
        #expect(l.naturalDuration == 2)
    }

    @Test func lineHasConstantSpeed() throws {
        let l = try LinePath(from: Point2D(x: 1, y: 1), to: Point2D(x: 4, y: 5), duration: 2)
        #expect(close(l.speed, 2.5))
        let h = 1e-4
        for t in stride(from: 0.1, through: 1.9, by: 0.2) {
            let a = l.target(at: t - h), b = l.target(at: t + h)
            let v = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() / (2 * h)
            #expect(close(v, 2.5, 1e-6))
        }
    }

    @Test func linePingPong() throws {
        let l = try LinePath(from: Point2D(x: 0, y: 0), to: Point2D(x: 1, y: 0), duration: 2, pingpong: true)
        #expect(close(l.target(at: 1), 0.5, 0))
        #expect(close(l.target(at: 2), 1, 0))
        #expect(close(l.target(at: 3), 0.5, 0))
        #expect(close(l.target(at: 4), 0, 0))
        #expect(close(l.target(at: 5), 0.5, 0))
        #expect(close(l.target(at: 6), 1, 0))
        #expect(close(l.target(at: 401), 0.5, 0))
        #expect(l.naturalDuration == 4)
    }

    // MARK: Lissajous

    @Test func lissajousFormula() throws {
        let p = try LissajousPath(center: Point2D(x: 1, y: 2), amplitudeX: 0.5, amplitudeY: 0.3,
                                  frequencyX: 0.5, frequencyY: 0.25, phase: 0)
        #expect(close(p.target(at: 0), 1, 2))
        #expect(close(p.target(at: 0.5), 1.5, 2 + 0.3 * sin(Double.pi / 4)))
        #expect(close(p.target(at: 1), 1, 2.3))
        #expect(p.naturalDuration.map { close($0, 4) } == true)
        let phased = try LissajousPath(center: .origin, amplitudeX: 1, amplitudeY: 1, frequencyX: 1, frequencyY: 1,
                                       phase: .pi / 2)
        #expect(close(phased.target(at: 0), 1, 0))
        #expect(phased.naturalDuration.map { close($0, 1) } == true)
    }

    @Test func figureEightDefaults() throws {
        let f = try LissajousPath.figureEight(center: Point2D(x: 1, y: 0), amplitudeX: 0.4, amplitudeY: 0.2)
        #expect(f.frequencyX == 0.25 && f.frequencyY == 0.5 && f.phase == 0)
        #expect(close(f.target(at: 0), 1, 0))
        #expect(close(f.target(at: 0.5), 1 + 0.4 * sin(Double.pi / 4), 0.2))
        #expect(close(f.target(at: 1), 1.4, 0))
        #expect(close(f.target(at: 2), 1, 0))   // crosses the center at half period
        #expect(f.naturalDuration.map { close($0, 4) } == true)
    }

    @Test func lissajousWithoutCommonPeriod() throws {
        let p = try LissajousPath(center: .origin, amplitudeX: 1, amplitudeY: 1, frequencyX: 1,
                                  frequencyY: 2.0.squareRoot())
        #expect(p.naturalDuration == nil)
        let still = try LissajousPath(center: .origin, amplitudeX: 0, amplitudeY: 0, frequencyX: 1, frequencyY: 1)
        #expect(still.naturalDuration == nil)
        #expect(throws: PathError.self) {
            try LissajousPath(center: .origin, amplitudeX: -1, amplitudeY: 1, frequencyX: 1, frequencyY: -1)
        }
    }

    // MARK: Waypoints

    private static let square = [Point2D(x: 0, y: 0), Point2D(x: 1, y: 0), Point2D(x: 1, y: 2), Point2D(x: 0, y: 2)]

    @Test func minimumJerkProfile() {
        #expect(WaypointPath.minimumJerk(0) == 0)
        #expect(WaypointPath.minimumJerk(1) == 1)
        #expect(close(WaypointPath.minimumJerk(0.5), 0.5))
        #expect(WaypointPath.minimumJerk(-3) == 0 && WaypointPath.minimumJerk(7) == 1)
    }

    @Test func waypointsHitEachPointWithZeroVelocity() throws {
        let w = try WaypointPath(points: Self.square, timing: .durations([1, 2, 1.5]))
        #expect(w.segmentEnds == [1, 3, 4.5])
        let h = 1e-5
        for (t, p) in zip([0, 1, 3, 4.5], Self.square) {
            #expect(close(w.target(at: t), p.x, p.y))
            let a = w.target(at: max(t - h, 0)), b = w.target(at: t + h)
            let speed = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot() / (t > 0 ? 2 * h : h)
            #expect(speed < 1e-6, "speed \(speed) at t = \(t)")
        }
        // Mid-segment: half way and moving at 1.875 × the mean speed.
        #expect(close(w.target(at: 2), 1, 1))
        let a = w.target(at: 2 - h), b = w.target(at: 2 + h)
        #expect(close((b.y - a.y) / (2 * h), 1.875, 1e-6))
        #expect(close(w.target(at: 100), 0, 2))      // holds at the last point
        #expect(w.naturalDuration == 4.5)
    }

    @Test func waypointsWithSpeedAndLoop() throws {
        let w = try WaypointPath(points: Self.square, timing: .speed(0.5), loop: true)
        #expect(w.segmentDurations == [2, 4, 2, 4])
        #expect(w.totalDuration == 12)
        #expect(close(w.target(at: 2), 1, 0))
        #expect(close(w.target(at: 10), 0, 1))       // half way back down the closing segment
        #expect(close(w.target(at: 12), 0, 0))
        #expect(close(w.target(at: 14), 1, 0))
        #expect(close(w.target(at: 1200 + 6), 1, 2, 1e-9))
    }

    @Test func zeroLengthSegmentWithSpeedIsSkipped() throws {
        let pts = [Point2D(x: 0, y: 0), Point2D(x: 1, y: 0), Point2D(x: 1, y: 0), Point2D(x: 1, y: 1)]
        let w = try WaypointPath(points: pts, timing: .speed(1))
        #expect(w.segmentDurations == [1, 0, 1])
        #expect(close(w.target(at: 1), 1, 0))
        #expect(close(w.target(at: 1.5), 1, 0.5))
        #expect(close(w.target(at: 2), 1, 1))
        // With explicit durations the same segment is a dwell.
        let dwell = try WaypointPath(points: pts, timing: .durations([1, 1, 1]))
        #expect(close(dwell.target(at: 1.5), 1, 0))
        // Every point the same: a constant target, even when looping.
        let still = try WaypointPath(points: [pts[1], pts[1]], timing: .speed(1), loop: true)
        #expect(close(still.target(at: 5), 1, 0))
        #expect(still.naturalDuration == nil)
    }

    @Test func waypointsRejectBadParameters() {
        func fields(_ body: () throws(PathError) -> WaypointPath) -> [String] {
            do { _ = try body(); return [] } catch { return error.problems.map(\.field) }
        }
        #expect(fields { () throws(PathError) in try WaypointPath(points: [.origin], timing: .speed(1)) } == ["points"])
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .durations([1, 1])) } == ["durations"])
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .durations([1, 1, 1])) }.isEmpty)
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .durations([1, 1, 1]), loop: true) } == ["durations"])
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .durations([1, 0, -1])) } == ["durations[1]", "durations[2]"])
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .speed(0)) } == ["speed"])
        #expect(fields { () throws(PathError) in try WaypointPath(points: Self.square, timing: .speed(.leastNonzeroMagnitude)) } == ["speed"])
        #expect(fields { () throws(PathError) in
            try WaypointPath(points: Self.square, timing: .durations([1e308, 1e308, 1e308]))
        } == ["durations"])
    }

    // MARK: Every path

    static func everyPath() throws -> [any PathDescribing] {
        [
            try CirclePath(center: Point2D(x: 1e6, y: -1e6), radius: 1e6, period: 1e-300, clockwise: true, phase: 1000),
            try CirclePath(center: .origin, radius: 1, period: 1e300),
            try LinePath(from: Point2D(x: -1e6, y: -1e6), to: Point2D(x: 1e6, y: 1e6), duration: 1e-300, pingpong: true),
            try LinePath(from: .origin, to: Point2D(x: 1, y: 1), duration: 1e308, pingpong: true),
            try LinePath(from: .origin, to: Point2D(x: 1, y: 1), duration: 1e-300),
            try LissajousPath(center: Point2D(x: 1e6, y: 1e6), amplitudeX: 1e6, amplitudeY: 1e6, frequencyX: 1e300,
                              frequencyY: 1e-300, phase: -1000),
            try LissajousPath.figureEight(center: .origin, amplitudeX: 1, amplitudeY: 1),
            try WaypointPath(points: Self.square, timing: .speed(1e300), loop: true),
            try WaypointPath(points: Self.square, timing: .durations([1e300, 1e-300, 1, 2]), loop: true),
            try WaypointPath(points: Self.square, timing: .speed(1e-9)),
        ]
    }

    @Test func anglesAreBounded() {
        func problems(_ body: () throws(PathError) -> any TargetPath) -> [String] {
            do { _ = try body(); return [] } catch { return error.problems.map(\.description) }
        }
        let bound = "must be within ±1000 rad"
        #expect(problems { () throws(PathError) in try CirclePath(center: .origin, radius: 1, period: 1, phase: 1001, orientation: -1e12) }
                == ["phase: \(bound), got 1001", "orientation: \(bound), got -1000000000000"])
        #expect(problems { () throws(PathError) in try LinePath(from: .origin, to: .origin, duration: 1, orientation: 1e17) }
                == ["orientation: \(bound), got 1e+17"])
        #expect(problems { () throws(PathError) in
            try LissajousPath(center: .origin, amplitudeX: 1, amplitudeY: 1, frequencyX: 1, frequencyY: 1, phase: -1e300)
        } == ["phase: \(bound), got -1e+300"])
        #expect(problems { () throws(PathError) in try WaypointPath(points: Self.square, timing: .speed(1), orientation: 2000) }
                == ["orientation: \(bound), got 2000"])
        #expect(problems { () throws(PathError) in try CirclePath(center: .origin, radius: 1, period: 1, phase: 1000, orientation: -1000) }.isEmpty)
    }

    @Test func neverNaNOrInfinite() throws {
        for path in try Self.everyPath() {
            for t in extremeTimes {
                let p = path.target(at: t)
                #expect(p.x.isFinite && p.y.isFinite && p.phi.isFinite, "\(path) at t = \(t): \(p)")
            }
            if let d = path.naturalDuration { #expect(d.isFinite && d > 0) }
        }
    }

    @Test func samplesCoverTheNaturalDuration() throws {
        let c = try CirclePath(center: .origin, radius: 1, period: 4)
        let s = c.samples(count: 5)
        #expect(s.count == 5)
        #expect(close(s[1], 0, 1) && close(s[4], 1, 0))
        #expect(c.samples(count: 0).isEmpty)
        #expect(c.samples(count: 3, over: 2).count == 3)
    }
}
