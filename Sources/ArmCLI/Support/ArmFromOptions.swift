import ArmKit

/// The arm `inspect`, `solve`, `landscape` and `workspace` build from --links and --base: errors name the
/// option and, for a link, its index (`--links[2]: must be > 0, got -1`).
enum ArmFromOptions {
    static func arm(links: String, base: String?) throws(CommandFailure) -> PlanarArm {
        let lengths = try NumberList.parse(links, option: "--links")
        var origin = Point2D.origin
        if let base {
            let xy = try NumberList.parse(base, option: "--base")
            guard xy.count == 2 else { throw CommandFailure(message: "--base: expected 2 values x,y, got \(xy.count)", exitCode: ExitCode32.usage) }
            origin = Point2D(x: xy[0], y: xy[1])
        }
        do {
            return try PlanarArm(links: lengths, base: origin)
        } catch {
            throw CommandFailure(message: "--\(error.field): \(error.message)", exitCode: ExitCode32.usage)
        }
    }
}
