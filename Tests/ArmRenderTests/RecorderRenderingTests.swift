import ArmKit
import Foundation
import Testing
@testable import ArmRender

extension RenderingTests {
    @Suite struct Recorder {
        @Test(arguments: [1, 4, 10])
        func writesEveryNthFrame(every: Int) throws {
            let dir = temporaryDirectory("record") + "/nested/frames"  // created by the recorder
            defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
            let scenario = makeScenario(dt: 0.01, duration: 0.2)  // frames 0…20
            let recorder = try FrameRecorder(scenario: scenario, directory: dir, every: every, width: 96, height: 64)
            let sim = Simulator(scenario: scenario)
            while let frame = sim.next() { try recorder.record(frame) }
            try recorder.finish()
            let expected = (0...20).filter { $0 % every == 0 }
            let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
            #expect(files == expected.map { String(format: "frame-%06d.png", $0) })
            #expect(recorder.filesWritten == expected.count)
            let image = try PixelImage(path: dir + "/" + files[0])
            #expect(image.width == 96 && image.height == 64)
        }

        @Test func rejectsBadArguments() throws {
            let scenario = makeScenario()
            let e = #expect(throws: RenderError.self) {
                _ = try FrameRecorder(scenario: scenario, directory: "/tmp", every: 0, width: 96, height: 64)
            }
            #expect(e?.kind == .invalidArgument)
            let dir = temporaryDirectory("file")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let file = dir + "/plain"
            _ = FileManager.default.createFile(atPath: file, contents: Data())
            let e2 = #expect(throws: RenderError.self) {
                _ = try FrameRecorder(scenario: scenario, directory: file, every: 1, width: 96, height: 64)
            }
            #expect(e2?.kind == .io && e2?.message.contains(file) == true)
        }

        @Test func recordAfterFinishThrows() throws {
            let dir = temporaryDirectory("finished")
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let scenario = makeScenario()
            let recorder = try FrameRecorder(scenario: scenario, directory: dir, every: 1, width: 96, height: 64)
            try recorder.finish()
            let frame = Simulator(scenario: scenario).next()!
            #expect(throws: RenderError.self) { try recorder.record(frame) }
        }
    }
}
