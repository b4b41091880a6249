import ArmKit

/// What each CSV column of an armsim trajectory is, from its header. The header must be the one
/// `TrajectoryWriter.csvHeader` writes for some joint count and task; columns appended after `status` (later
/// versions add some) are accepted and ignored.
struct CSVTrajectoryColumns {
    enum Role: Equatable { case t, value(Int), singular, singularity, status, ignored }

    let layout: TrajectoryLayout
    let roles: [Role]
    /// The header's column names, for messages.
    let names: [String]

    init?(header: String) {
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard names.starts(with: ["t", "target_x", "target_y"]) else { return nil }
        let task: IKTask = names.count > 3 && names[3] == "target_phi" ? .pose : .position
        let first = task == .pose ? 4 : 3
        var n = 0
        while first + n < names.count && names[first + n] == "q\(n)" { n += 1 }
        guard n >= 1 else { return nil }
        // Up to `status`: files from before the appended columns (and files with them) both read.
        let full = TrajectoryWriter.csvHeader(jointCount: n, task: task).split(separator: ",").map(String.init)
        let expected = Array(full.prefix(through: full.firstIndex(of: "status") ?? full.count - 1))
        guard names.count >= expected.count, Array(names.prefix(expected.count)) == expected else { return nil }
        var roles = [Role](repeating: .ignored, count: names.count)
        roles[0] = .t
        for i in 0..<n { roles[first + i] = .value(i) }
        for (k, name) in expected.enumerated() {
            switch name {
            case "error": roles[k] = .value(n)
            case "sigma_min": roles[k] = .value(n + 1)
            case "damping": roles[k] = .value(n + 2)
            case "iterations": roles[k] = .value(n + 3)
            case "singular": roles[k] = .singular
            case "singularity": roles[k] = .singularity
            case "status": roles[k] = .status
            default: break
            }
        }
        self.roles = roles
        self.names = names
        layout = TrajectoryLayout(format: .csv, jointCount: n, task: task)
    }

    /// The header as a user would recognise it, shortened for messages.
    static func preview(_ line: String) -> String { line.count > 60 ? String(line.prefix(57)) + "…" : line }
}
