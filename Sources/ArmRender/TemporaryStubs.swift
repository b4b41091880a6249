// TEMPORARY: stands in for the render branch until it is merged.
import ArmKit
public struct RenderError: Error, Sendable, CustomStringConvertible { public var message: String; public var description: String { message } }
public struct WindowOptions: Sendable { public var width = 1280, height = 800; public var quitAfter: Double?; public var screenshotPath: String?; public var startPaused = false; public init() {} }
public enum WindowApp { public static func run(scenario: Scenario, options: WindowOptions) throws(RenderError) { throw RenderError(message: "no display available: use --headless, or run under xvfb-run") } }
public enum OffscreenRenderer { public static func renderPNG(scenario: Scenario, time: Double, width: Int, height: Int, path: String) throws(RenderError) { throw RenderError(message: "stub") } }
public final class FrameRecorder { public init(scenario: Scenario, directory: String, every: Int, width: Int, height: Int) throws(RenderError) {}; public func record(_ frame: Frame) throws(RenderError) {}; public func finish() throws(RenderError) {} }
public enum DisplayProbe { public static func availableDisplay() -> Bool { false } }
