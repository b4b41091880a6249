import ArmIO
import ArmKit
import Testing

@Suite("Output: non-finite frames")
struct OutputNonFiniteTests {
    @Test func namesTheFirstNonFiniteField() {
        let frame = outputSampleFrame(index: 7, singular: false, status: .converged)
        #expect(NonFiniteFrameCheck.firstNonFiniteField(frame) == nil)
        var q = frame
        q.q[1] = .nan
        #expect(NonFiniteFrameCheck.firstNonFiniteField(q) == "q[1]")
        var tip = frame
        tip.tip.phi = .infinity
        #expect(NonFiniteFrameCheck.firstNonFiniteField(tip) == "tip_phi")
        var sigma = frame
        sigma.sigmaMin = -.infinity
        #expect(NonFiniteFrameCheck.firstNonFiniteField(sigma) == "sigma_min")
        #expect(throws: OutputError.nonFinite(frame: 7, time: frame.t, field: "q[1]")) { try NonFiniteFrameCheck.check(q) }
        #expect(OutputError.nonFinite(frame: 7, time: 0.07, field: "q[1]").description
            == "frame 7 (t = 0.07 s): q[1] is not a finite number (the solver must never produce one); the run is stopped")
    }

    /// The one-sum fast path must miss nothing: every field, each non-finite kind, and huge finite values
    /// (whose x − x is still 0) pass.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func everyFieldIsCheckedForEveryNonFiniteKind(bad: Double) {
        let frame = outputSampleFrame(index: 3, singular: false, status: .converged)
        let fields: [(String, WritableKeyPath<Frame, Double>)] = [
            ("t", \.t), ("target_x", \.target.x), ("target_y", \.target.y), ("target_phi", \.target.phi),
            ("tip_x", \.tip.x), ("tip_y", \.tip.y), ("tip_phi", \.tip.phi), ("error", \.error),
            ("sigma_min", \.sigmaMin), ("manipulability", \.manipulability), ("damping", \.damping),
        ]
        for (name, path) in fields {
            var f = frame
            f[keyPath: path] = bad
            #expect(NonFiniteFrameCheck.firstNonFiniteField(f) == name)
        }
        for i in frame.q.indices {
            var f = frame
            f.q[i] = bad
            #expect(NonFiniteFrameCheck.firstNonFiniteField(f) == "q[\(i)]")
        }
        var huge = frame
        huge.q[0] = .greatestFiniteMagnitude
        huge.error = -.greatestFiniteMagnitude
        #expect(NonFiniteFrameCheck.firstNonFiniteField(huge) == nil)
    }
}
