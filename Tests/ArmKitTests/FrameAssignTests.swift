import ArmKit
import Testing

/// `Frame.assign(from:)` copies every field into a frame's own q storage (the writer thread's batches rely on
/// it): the copy equals the source, and the two stay independent afterwards.
@Suite struct FrameAssignTests {
    @Test func copiesEveryFieldAndStaysIndependent() throws {
        let frames = Array(Simulator(scenario: try SimulatorTests().scenario(duration: 0.5), curvature: true))
        var source = try #require(frames.last)
        #expect(source.curvature != nil && source.iterations > 0)
        var slot = Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0), q: [Double](repeating: 0, count: source.q.count),
                         report: SolveReport())
        slot.assign(from: source)
        #expect(slot == source)
        source.q[0] += 1
        source.t += 1
        #expect(slot != source)
        #expect(slot.q[0] == source.q[0] - 1)
        // Another joint count: the storage is replaced, the values still copied.
        var other = Frame(index: 0, t: 0, target: Pose2D(x: 0, y: 0), q: [0], report: SolveReport())
        other.assign(from: source)
        #expect(other == source)
    }
}
