import ArmKit
import Foundation
import Testing
@testable import ArmRender

@Suite struct SupportTypeTests {
    @Test func formatsHUDNumbers() {
        #expect(HUDFormat.speed(1) == "×1")
        #expect(HUDFormat.speed(8) == "×8")
        #expect(HUDFormat.speed(0.25) == "×1/4")
        #expect(HUDFormat.length(0.5) == "0.5 m")
        #expect(HUDFormat.length(2) == "2 m")
        #expect(HUDFormat.length(0.02) == "2 cm")
        #expect(HUDFormat.length(0.005) == "5 mm")
        #expect(HUDFormat.metres(0.0421) == "0.0421 m")
        #expect(HUDFormat.metres(1.5e-9) == "1.50e-09 m")
        #expect(HUDFormat.value(.nan) == "—")
    }

    @Test func trailForgetsOldPointsAndRestarts() {
        var trail = TipTrail(window: 1.0, minSpacing: 0.01, capacity: 8)
        for k in 0...20 { trail.append(Point2D(x: Double(k) * 0.1, y: 0), t: Double(k) * 0.1) }
        var ages: [Double] = []
        trail.forEach(now: 2.0) { _, age in ages.append(age) }
        #expect(trail.pointCount <= 8)
        #expect(ages.allSatisfy { $0 >= 0 && $0 <= 1.0 })
        #expect(ages.first! > ages.last!)  // oldest first
        // Points closer than minSpacing are merged.
        trail.append(Point2D(x: 2.001, y: 0), t: 2.1)
        #expect(trail.pointCount <= 8)
        // Time running backwards (a restart) clears it.
        trail.append(Point2D(x: 0, y: 0), t: 0)
        #expect(trail.pointCount == 1)
    }

    @Test func appearanceFollowsSingularityAndStatus() {
        func frame(_ singularity: SingularityKind, _ status: SolveStatus) -> Frame {
            Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0), q: [0], tip: Pose2D(x: 0, y: 0), error: 0, sigmaMin: 0,
                  manipulability: 0, damping: 0, iterations: 0, singular: singularity != .none,
                  singularity: singularity, status: status)
        }
        #expect(ArmAppearance(frame(.none, .converged)) == .tracking)
        #expect(ArmAppearance(frame(.boundary, .unreachable)) == .boundarySingular)
        #expect(ArmAppearance(frame(.interior, .converged)) == .interiorSingular)
        #expect(ArmAppearance(frame(.none, .unreachable)) == .unreachable)
        #expect(ArmAppearance(frame(.none, .limited)) == .limited)
        #expect(ArmAppearance(frame(.boundary, .failed)) == .failed)
        let colors = ArmAppearance.allCases.map(\.color)
        #expect(Set(colors).count == colors.count)  // every appearance has its own colour
        #expect(ArmAppearance.badges(for: frame(.boundary, .unreachable)).map(\.text)
                == ["BOUNDARY SINGULARITY", "TARGET UNREACHABLE"])
    }

    @Test func screenshotNamesAreUniqueAndSafe() throws {
        let dir = temporaryDirectory("names")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = WindowSession.screenshotName(scenario: "two links/fast", seconds: 0, directory: dir)
        #expect((first as NSString).lastPathComponent.hasPrefix("armsim-two-links-fast-"))
        #expect(first.hasSuffix(".png"))
        _ = FileManager.default.createFile(atPath: first, contents: Data())
        let second = WindowSession.screenshotName(scenario: "two links/fast", seconds: 0, directory: dir)
        #expect(second != first && second.hasSuffix("-2.png"))
    }
}
