import ArmKit
import Foundation
@testable import ArmRender

/// A test-only circular path (concrete paths live in ArmKit's scenario code).
struct CirclePath: TargetPath {
    var center: Point2D
    var radius: Double
    var period: Double
    func target(at t: Double) -> Pose2D {
        let a = 2 * Double.pi * t / period
        return Pose2D(x: center.x + radius * cos(a), y: center.y + radius * sin(a))
    }
}

/// A target that never moves.
struct FixedPath: TargetPath {
    var point: Point2D
    func target(at t: Double) -> Pose2D { Pose2D(x: point.x, y: point.y) }
}

func makeScenario(name: String = "circle", links: [Double] = [1.0, 0.8, 0.5], base: Point2D = .origin,
                  initial: [Double]? = nil, path: any TargetPath = CirclePath(center: Point2D(x: 1.0, y: 0.5), radius: 0.5, period: 4),
                  dt: Double = 0.01, duration: Double = 4) -> Scenario {
    let arm = try! PlanarArm(links: links, base: base)
    return Scenario(name: name, arm: arm, initial: initial ?? [0.3, 0.6, 0.4].prefix(links.count) + Array(repeating: 0.2, count: max(0, links.count - 3)),
                    task: .position, path: path, solver: SolverConfig(),
                    simulation: SimulationConfig(dt: dt, duration: duration))
}

/// A fresh empty directory under the system temporary directory.
func temporaryDirectory(_ label: String) -> String {
    let dir = NSTemporaryDirectory() + "armrender-\(label)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}
