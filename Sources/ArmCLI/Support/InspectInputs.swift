#if canImport(Glibc)
import Glibc
#endif
import ArmKit

/// Bounds on the numbers a user may give `inspect` and `solve`. Within them every result is finite (links are
/// ≤ 1e6 m and ≤ 1024 of them, so reach ≤ 1.1e9 m and the Hessian of L stays below ~1e36); beyond them a
/// number is a usage error naming the option, never a `nan` in the output.
enum InputBounds {
    /// Joint angles, radians: beyond ±1e6 a double keeps less than 1e-10 rad of the angle's fraction of a turn.
    static let angle = 1e6
    /// Target coordinates, metres.
    static let coordinate = 1e9
    /// Joint velocities (rad/s), tip velocities (m/s) and HVP directions.
    static let velocity = 1e9

    static func check(_ values: [Double], option: String, limit: Double, unit: String) throws(CommandFailure) {
        for (i, x) in values.enumerated() where !(abs(x) <= limit) {
            throw CommandFailure(message: "\(option)[\(i)]: must be within ±\(short(limit)) \(unit), got \(short(x))", exitCode: ExitCode32.usage)
        }
    }

    /// Parses a LIST option and checks its length and bounds.
    static func list(_ text: String, option: String, count: Int, limit: Double, unit: String) throws(CommandFailure) -> [Double] {
        let values = try NumberList.parse(text, option: option)
        guard values.count == count else {
            throw CommandFailure(message: "\(option): expected \(count) values (one per joint), got \(values.count)", exitCode: ExitCode32.usage)
        }
        try check(values, option: option, limit: limit, unit: unit)
        return values
    }

    /// x,y or x,y,φ. Three values mean the pose task; a position task given explicitly with three is an error.
    static func target(_ values: [Double], option: String, task: IKTask?) throws(CommandFailure) -> (Pose2D, IKTask) {
        guard values.count == 2 || values.count == 3 else {
            throw CommandFailure(message: "\(option): expected x,y or x,y,φ, got \(values.count) values", exitCode: ExitCode32.usage)
        }
        try check(Array(values.prefix(2)), option: option, limit: coordinate, unit: "m")
        if values.count == 3 { try check([values[2]], option: option + "[2] (φ)", limit: angle, unit: "rad") }
        let implied: IKTask = values.count == 3 ? .pose : .position
        if let task, task != implied {
            let need = task == .pose ? "x,y,φ for the pose task" : "x,y for the position task"
            throw CommandFailure(message: "\(option): expected \(need), got \(values.count) values", exitCode: ExitCode32.usage)
        }
        return (Pose2D(x: values[0], y: values[1], phi: values.count == 3 ? values[2] : 0), implied)
    }

    static func short(_ x: Double) -> String {
        String(cFormat: "%g", x).replacing("e+0", with: "e").replacing("e+", with: "e")
            .replacing("e-0", with: "e-")
    }
}

