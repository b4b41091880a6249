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
}
