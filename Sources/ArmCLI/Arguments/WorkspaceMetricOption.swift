import ArmKit

/// --metric, listed by --help.
enum WorkspaceMetricOption: String, ArgumentChoice {
    case manipulability
    case sigmaMin = "sigma-min"
    case reachCount = "reach-count"
    var metric: WorkspaceMetric { WorkspaceMetric(rawValue: rawValue)! }
}
