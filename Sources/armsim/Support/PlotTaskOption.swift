import ArgumentParser
import ArmKit

/// --task for the plotting commands (a wrapper so `--help` lists the values).
enum PlotTaskOption: String, ExpressibleByArgument, CaseIterable {
    case position, pose
    var task: IKTask { self == .pose ? .pose : .position }
}
