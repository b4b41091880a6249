import ArmIO
import ArmKit

/// One `inspect --stdin` query answered: the same checks and JSON as `inspect --json`, keys named after the
/// query's fields (`q[1]: ...`, `target: ...`).
enum InspectStreamQuery {
    static func answer(_ query: QueryLine, settings: InspectSettings) throws(CommandFailure) -> [UInt8] {
        guard let q = query.q else { throw CommandFailure(message: "q: missing (one angle per joint)", exitCode: ExitCode32.usage) }
        guard q.count == settings.arm.jointCount else {
            throw CommandFailure(message: "q: expected \(settings.arm.jointCount) values (one per joint), got \(q.count)", exitCode: ExitCode32.usage)
        }
        try InputBounds.check(q, option: "q", limit: InputBounds.angle, unit: "rad")
        var used = settings
        var target: Pose2D?
        if let values = query.target {
            let parsed = try InputBounds.target(values, option: "target", task: settings.taskGiven ? settings.task : nil)
            target = parsed.0
            used.task = parsed.1
        }
        try used.checkVectorSizes(hasTarget: target != nil)
        var out = InspectReport(settings: used, q: q, target: target).json()
        // The writer saw every number it wrote: a non-finite one is refused here, never printed as null.
        if let field = out.nonFinite {
            throw CommandFailure(message: "\(field) is not finite at this configuration", exitCode: ExitCode32.failure)
        }
        return out.finish()
    }
}
