import ArmIO
import ArmKit

/// One `solve --stdin` query answered: {"q": start (default q0), "target": [...]} → the `solve --json` object.
enum SolveStreamQuery {
    static func answer(_ query: QueryLine, problem base: SolveProblem) throws(CommandFailure) -> [UInt8] {
        guard let values = query.target else { throw CommandFailure(message: "target: missing (x,y or x,y,φ)", exitCode: ExitCode32.usage) }
        var problem = try base.aiming(at: values, option: "target")
        if let q = query.q {
            guard q.count == base.arm.jointCount else {
                throw CommandFailure(message: "q: expected \(base.arm.jointCount) values (one per joint), got \(q.count)", exitCode: ExitCode32.usage)
            }
            try InputBounds.check(q, option: "q", limit: InputBounds.angle, unit: "rad")
            problem.q0 = q
        }
        let outcome = problem.solve(method: problem.config.method)
        if let field = outcome.nonFiniteField {
            throw CommandFailure(message: "\(field) is not finite after the solve", exitCode: ExitCode32.failure)
        }
        var out = StreamJSONWriter()
        SolveOutput.fields(outcome, problem: problem, into: &out)
        return out.finish()
    }
}
