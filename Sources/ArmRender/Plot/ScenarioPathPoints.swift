import ArmKit

/// The scenario's path as world points, for overlays drawn outside ArmRender's scene.
public enum ScenarioPathPoints {
    public static func points(_ scenario: Scenario) -> [Point2D] { PathSampler(scenario: scenario).points }
}
