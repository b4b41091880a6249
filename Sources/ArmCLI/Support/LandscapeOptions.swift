import ArmKit

/// Parsing and checking the landscape's own options, each error naming its option.
enum LandscapeOptions {
    static func joints(_ text: String?, arm: PlanarArm) throws(CommandFailure) -> (Int, Int)? {
        guard let text else { return nil }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0].trimmedWhitespace),
              let j = Int(parts[1].trimmedWhitespace) else {
            throw CommandFailure(message: "--joints: expected two joint indices i,j (e.g. 1,2), got '\(text)'", exitCode: ExitCode32.usage)
        }
        let n = arm.jointCount
        for (k, v) in [i, j].enumerated() where !(0..<n).contains(v) {
            throw CommandFailure(message: "--joints[\(k)]: joint \(v) is out of range (the arm has joints 0…\(n - 1))", exitCode: ExitCode32.usage)
        }
        guard i != j else { throw CommandFailure(message: "--joints: the two joints must differ, got \(i),\(j)", exitCode: ExitCode32.usage) }
        return (i, j)
    }

    static func resolution(_ r: Int) throws(CommandFailure) -> Int {
        guard (2...LossGrid.maxResolution).contains(r) else {
            throw CommandFailure(message: "--resolution: must be 2…\(LossGrid.maxResolution) grid points each way, got \(r)", exitCode: ExitCode32.usage)
        }
        return r
    }

    static func range(_ r: Double) throws(CommandFailure) -> Double {
        guard r.isFinite, r > 0, r <= 2 * .pi else {
            throw CommandFailure(message: "--range: must be > 0 and <= 2π radians (half the window's width), got \(r)", exitCode: ExitCode32.usage)
        }
        return r
    }

    static func methods(_ text: String?) throws(CommandFailure) -> [SolverMethod] {
        guard let text else { return [] }
        var out: [SolverMethod] = []
        for (k, name) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let trimmed = name.trimmedWhitespace
            guard let m = SolverMethod(rawValue: trimmed) else {
                let known = SolverMethod.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure(message: "--paths[\(k)]: unknown solver method '\(trimmed)' (this build has: \(known))", exitCode: ExitCode32.usage)
            }
            if !out.contains(m) { out.append(m) }
        }
        return out
    }
}
