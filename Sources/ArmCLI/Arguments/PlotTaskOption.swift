import ArmKit

/// --task for the plotting commands (a wrapper so `--help` lists the values).
enum PlotTaskOption: String, ArgumentChoice {
    case position, pose
    var task: IKTask { self == .pose ? .pose : .position }
}
