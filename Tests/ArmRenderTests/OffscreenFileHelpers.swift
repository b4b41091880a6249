import ArmKit
import Foundation
@testable import ArmRender

/// File-writing shorthands for the rendering tests. The program writes pictures only through its `ImageSink`
/// (ArmIO's output file, which these tests do not link); the tests write plain files to read them back.
extension OffscreenRenderer {
    static func renderPNG(scenario: Scenario, time: Double, width: Int, height: Int, path: String,
                          panels: Set<WindowPanel> = []) throws {
        let bytes = try renderImage(scenario: scenario, time: time, size: ImageSize(width: width, height: height),
                                    format: .png, panels: panels)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }
}

extension OffscreenTarget {
    convenience init(scenario: Scenario, width: Int, height: Int) throws(RenderError) {
        try self.init(scenario: scenario, size: ImageSize(width: width, height: height))
    }

    /// Encodes the drawn frame as PNG into a plain file (call with the SDL lock held).
    func save(to path: String) throws(RenderError) {
        let bytes = try encoded(as: .png)
        do { try Data(bytes).write(to: URL(fileURLWithPath: path)) } catch {
            throw RenderError(.io, "cannot write \(path): \(error)")
        }
    }
}
