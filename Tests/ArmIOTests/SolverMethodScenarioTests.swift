import Testing
@testable import ArmIO
import ArmKit

/// Every method on every shipped scenario: where DLS converges on a frame, so must each method (gradient with
/// more iterations allowed: the canyon), and no method may ever call an unreachable frame converged.
@Suite struct SolverMethodScenarioTests {
    /// Frames DLS converges on and the method does not (the README lists the counts).
    static func misses(_ name: String, _ method: SolverMethod) throws -> (misses: Int, frames: Int, iterations: Int) {
        var scenario = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath(name))
        var other = scenario
        other.solver.method = method
        if method == .gradient { other.solver.maxIterations = 5_000 }
        let reference = Simulator(scenario: scenario)
        let candidate = Simulator(scenario: other)
        var misses = 0, frames = 0, iterations = 0
        while let a = reference.next(), let b = candidate.next() {
            frames += 1
            iterations += b.iterations
            if a.status == .converged && b.status != .converged {
                misses += 1
                print("  miss: \(name) \(method) frame \(frames) \(b.status) error \(b.error) iterations \(b.iterations) sigma \(b.sigmaMin)")
            }
            #expect(b.error.isFinite && b.q.allSatisfy(\.isFinite), "\(name) \(method) frame \(frames)")
            if a.status == .unreachable { #expect(b.status != .converged, "\(name) \(method) frame \(frames)") }
        }
        scenario.solver.method = .dls
        return (misses, frames, iterations)
    }

    /// The frames a method misses where DLS converges, measured (README, "Solver methods"): at most these.
    static let knownMisses: [SolverMethod: [String: Int]] = [
        .newton: ["full-extension": 2],
        .gradient: ["full-extension": 4, "unreachable": 2],
    ]

    @Test(arguments: [SolverMethod.lm, .newton, .gradient])
    func everyMethodConvergesWhereDLSDoes(method: SolverMethod) throws {
        for name in ScenarioFixture.shipped {
            let result = try Self.misses(name, method)
            print("\(method) \(name): \(result.misses) of \(result.frames) frames missed, \(result.iterations) iterations")
            #expect(result.misses <= Self.knownMisses[method]?[name] ?? 0, "\(method) on \(name)")
        }
    }
}
