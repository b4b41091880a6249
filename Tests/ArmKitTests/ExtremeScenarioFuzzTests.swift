import Testing
@testable import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Scenarios built from extreme but allowed values (the validation bounds themselves, the smallest positive
/// doubles, log-uniform picks between): every one that validates must simulate with finite frames.
struct ExtremeScenarioGenerator {
    var rng: SplitMix64

    mutating func pick<T>(_ options: [T]) -> T { options[Int.random(in: 0..<options.count, using: &rng)] }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
    /// Log-uniform in [lo, hi] (both > 0).
    mutating func logUniform(_ lo: Double, _ hi: Double) -> Double {
        exp2(Double.random(in: log2(lo)...log2(hi), using: &rng))
    }
    mutating func positive(upTo hi: Double) -> Double {
        pick([Double.leastNonzeroMagnitude, .leastNormalMagnitude, 1e-300, hi, logUniform(1e-300, hi), 1])
    }
    mutating func angle() -> Double {
        let m = ModelBounds.maxAngle
        return pick([m, -m, 0, Double.random(in: -m...m, using: &rng), Double.random(in: -4...4, using: &rng)])
    }
    mutating func coordinate() -> Double {
        let m = ModelBounds.maxLength
        return pick([m, -m, 0, Double.random(in: -m...m, using: &rng), Double.random(in: -3...3, using: &rng)])
    }
    mutating func point() -> Point2D { Point2D(x: coordinate(), y: coordinate()) }

    mutating func arm() throws -> (PlanarArm, [Double]) {
        let n = pick([1, 2, 3, 4, 7, Int.random(in: 1...64, using: &rng)])
        let lo = ModelBounds.minLinkLength, hi = ModelBounds.maxLength
        let style = Int.random(in: 0..<4, using: &rng)
        let links = (0..<n).map { _ -> Double in
            switch style {
            case 0: return pick([lo, hi])
            case 1: return logUniform(lo, hi)
            case 2: return lo
            default: return Double.random(in: 0.1...1, using: &rng)
            }
        }
        let initial = (0..<n).map { _ in angle() }
        var limits: [JointLimit]?
        if chance(0.5) {
            let m = ModelBounds.maxAngle
            limits = initial.map { q in
                let lower = pick([-m, q, q - 1e-9, Double.random(in: -m...q, using: &rng)])
                let upper = pick([m, q, q + 1e-9, Double.random(in: q...m, using: &rng)])
                return JointLimit(lower: max(lower, -m), upper: min(upper, m))
            }
        }
        return (try PlanarArm(links: links, base: chance(0.5) ? point() : .origin, limits: limits), initial)
    }

    mutating func path() throws(PathError) -> any TargetPath {
        let orientation = angle()
        switch Int.random(in: 0..<4, using: &rng) {
        case 0:
            return try CirclePath(center: point(), radius: positive(upTo: ModelBounds.maxLength), period: positive(upTo: 1e300),
                                  clockwise: chance(0.5), phase: angle(), orientation: orientation)
        case 1:
            return try LinePath(from: point(), to: point(), duration: positive(upTo: 1e300), pingpong: chance(0.5),
                                orientation: orientation)
        case 2:
            return try LissajousPath(center: point(), amplitudeX: coordinate().magnitude, amplitudeY: coordinate().magnitude,
                                     frequencyX: positive(upTo: 1e300), frequencyY: positive(upTo: 1e300), phase: angle(),
                                     orientation: orientation)
        default:
            return try WaypointPath(points: [point(), point(), point()], timing: .speed(logUniform(1e-3, 1e300)),
                                    loop: chance(0.5), orientation: orientation)
        }
    }

    mutating func solver(jointCount n: Int) -> SolverConfig {
        typealias B = SolverConfig.Bounds
        var c = SolverConfig()
        c.method = pick(SolverMethod.allCases)
        c.damping = positive(upTo: B.maxDamping)
        if c.method != .dls, chance(0.3) { c.damping = 0 }
        c.variableDamping = chance(0.5)
        c.tolerance = positive(upTo: B.maxTolerance)
        c.maxIterations = n <= 8 ? pick([1, 2, 50, 200]) : pick([1, 20])
        c.maxStep = positive(upTo: B.maxStep)
        c.singularThreshold = chance(0.3) ? nil : positive(upTo: B.maxSingularThreshold)
        c.nullSpace = pick(NullSpaceObjective.allCases)
        c.nullSpaceGain = pick([0, B.maxNullSpaceGain, Double.random(in: 0...B.maxNullSpaceGain, using: &rng)])
        return c
    }

    /// A valid scenario of a few frames, or nil when the draw broke a rule (the rules decide, not the generator).
    mutating func scenario() -> Scenario? {
        guard let (arm, initial) = try? arm(), let path = try? path() else { return nil }
        let solver = solver(jointCount: arm.jointCount)
        let dt = pick([1e-300, 0.01, 1, 1e300])
        let simulation = SimulationConfig(dt: dt, duration: dt * Double(Int.random(in: 1...4, using: &rng)))
        guard solver.problems().isEmpty, simulation.problems().isEmpty,
              Scenario.initialProblems(initial, jointCount: arm.jointCount, limits: arm.limits).isEmpty else { return nil }
        return Scenario(name: "fuzz", arm: arm, initial: initial, task: pick(IKTask.allCases), path: path,
                        solver: solver, simulation: simulation)
    }
}

/// The first non-finite number in a frame, named, or nil.
func nonFinite(_ f: borrowing Frame) -> String? {
    if let i = f.q.firstIndex(where: { !$0.isFinite }) { return "q[\(i)] = \(f.q[i])" }
    let named: [(String, Double)] = [("tip.x", f.tip.x), ("tip.y", f.tip.y), ("tip.phi", f.tip.phi), ("error", f.error),
                                     ("sigmaMin", f.sigmaMin), ("manipulability", f.manipulability), ("damping", f.damping),
                                     ("target.x", f.target.x), ("target.y", f.target.y), ("t", f.t)]
    return named.first { !$0.1.isFinite }.map { "\($0.0) = \($0.1)" }
}

func describe(_ s: Scenario) -> String {
    "links \(s.arm.links.prefix(4))… (\(s.arm.jointCount)) base \(s.arm.base) limits \(s.arm.limits?.prefix(2).description ?? "nil") "
        + "initial \(s.initial.prefix(4)) task \(s.task) path \(s.path) solver \(s.solver) sim \(s.simulation)"
}

@Suite struct ExtremeScenarioFuzzTests {
    /// Seeded and bounded: at most 2,000 scenarios or 4 s, whichever comes first.
    @Test func validScenariosSimulateFinitely() {
        var generator = ExtremeScenarioGenerator(rng: SplitMix64(seed: 0x16_03))
        let clock = ContinuousClock(), start = clock.now
        var simulated = 0, frames = 0, failures = 0
        while simulated < 2_000, clock.now - start < .seconds(4), failures < 5 {
            guard let scenario = generator.scenario() else { continue }
            simulated += 1
            let simulator = Simulator(scenario: scenario)
            while simulator.advance({ frame in
                frames += 1
                if let bad = nonFinite(frame) {
                    failures += 1
                    Issue.record("frame \(frame.index): \(bad) — \(describe(scenario))")
                }
            }), failures < 5 {}
        }
        #expect(simulated >= 100, "only \(simulated) scenarios in the time allowed")
        #expect(frames >= simulated)
    }
}
