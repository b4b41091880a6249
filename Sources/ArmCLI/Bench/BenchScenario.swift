import ArmIO
import ArmKit

/// The tracking workload: circle.json's path (centre (1.2, 0.4), radius 0.5, period 4 s, dt 0.01 s, 1,000
/// frames) for an arm of any number of links with the same 2.4 m reach, decoded through the scenario loader
/// like any user file.
enum BenchScenario {
    static func circle(links: [Double]) throws -> Scenario {
        let n = links.count
        // A bent start near the circle's first point (1.7, 0.4), spread over the joints.
        let initial = (0..<n).map { i in i == 0 ? 0.9 : -1.5 / Double(max(n - 1, 1)) }
        let json = """
        {"name": "bench-circle-\(n)",
         "arm": {"links": [\(links.map { "\($0)" }.joined(separator: ","))], "initial": [\(initial.map { "\($0)" }.joined(separator: ","))]},
         "path": {"type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4.0},
         "solver": {"method": "dls", "damping": 0.05, "variableDamping": true, "tolerance": 1e-6, "maxIterations": 50, "maxStep": 0.3},
         "simulation": {"dt": 0.01, "duration": 9.99}}
        """
        do {
            return try ScenarioLoader.decode(Array(json.utf8), fileName: "bench-circle.json")
        } catch {
            throw BenchSetupError(message: error.description)
        }
    }
}

struct BenchSetupError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
