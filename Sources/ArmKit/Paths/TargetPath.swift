/// A target that moves with time: target(t), metres and seconds (φ in radians for the pose task).
public protocol TargetPath: Sendable {
    func target(at t: Double) -> Pose2D
}
