import ArmKit
import Foundation
import Testing
@testable import ArmRender

extension RenderingTests {
    @Suite struct Recorder {
        @Test(arguments: [1, 4, 10])
        func writesEveryNthFrame(every: Int) throws {
            let dir = "frames"
            let sink = CollectingImageSink()
            let scenario = makeScenario(dt: 0.01, duration: 0.2)  // frames 0…20
            let recorder = try FrameRecorder(scenario: scenario, directory: dir, every: every,
                                             size: try ImageSize(width: 96, height: 64), sink: sink)
            let sim = Simulator(scenario: scenario)
            while let frame = sim.next() { try recorder.record(frame) }
            try recorder.finish()
            let expected = (0...20).filter { $0 % every == 0 }
            let files = sink.images.keys.sorted()
            #expect(files == expected.map { String(format: "frames/frame-%06d.png", $0) })
            #expect(recorder.filesWritten == expected.count)
            #expect(recorder.bytesWritten == Int64(sink.images.values.map(\.count).reduce(0, +)))
            #expect(files.allSatisfy { FrameRecorder.isFrameName(String($0.dropFirst(7))) })
            let image = try sink.pixels(files[0])
            #expect(image.width == 96 && image.height == 64)
        }

        @Test func rejectsBadArgumentsAndReportsTheSinksFailure() throws {
            let scenario = makeScenario()
            let size = try ImageSize(width: 96, height: 64)
            let e = #expect(throws: RenderError.self) {
                _ = try FrameRecorder(scenario: scenario, directory: "/tmp", every: 0, size: size, sink: CollectingImageSink())
            }
            #expect(e?.kind == .invalidArgument)
            let recorder = try FrameRecorder(scenario: scenario, directory: "d", every: 1, size: size, sink: FailingImageSink())
            let e2 = #expect(throws: RenderError.self) { try recorder.record(Simulator(scenario: scenario).next()!) }
            #expect(e2?.kind == .io && e2?.message == "error writing 'd/frame-000000.png': No space left on device")
            #expect(recorder.filesWritten == 0)
            #expect(!FrameRecorder.isFrameName("frame-12.png") && FrameRecorder.isFrameName("frame-1234567.png"))
        }

        @Test func recordAfterFinishThrows() throws {
            let scenario = makeScenario()
            let recorder = try FrameRecorder(scenario: scenario, directory: "d", every: 1,
                                             size: try ImageSize(width: 96, height: 64), sink: CollectingImageSink())
            try recorder.finish()
            let frame = Simulator(scenario: scenario).next()!
            #expect(throws: RenderError.self) { try recorder.record(frame) }
        }
    }
}
