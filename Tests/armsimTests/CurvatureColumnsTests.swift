import Foundation
import Testing

/// `run --headless` appends condition_number and saddle_escapes; `--curvature` adds loss, gradient_norm, curvature.
@Suite struct CurvatureColumnsTests {
    @Test func curvatureColumnsAreAppendedAndClassified() throws {
        let result = try CLI.run(["run", CLI.scenario("full-extension.json"), "--headless", "--curvature", "--quiet", "--duration", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        let header = lines[0].split(separator: ",").map(String.init)
        #expect(Array(header.suffix(5)) == ["condition_number", "saddle_escapes", "loss", "gradient_norm", "curvature"])
        var escapes = 0
        for line in lines.dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == header.count)
            #expect(["bowl", "hill", "saddle", "flat"].contains(fields[fields.count - 1]))
            #expect(Double(fields[fields.count - 3]).map { $0 >= 0 && $0.isFinite } == true)
            escapes += Int(fields[fields.count - 4]) ?? -1000
        }
        // full-extension.json starts stretched, aimed inward along its own line: the first frame leaves a saddle.
        #expect(escapes >= 1)
    }

    @Test func curvatureWithoutHeadlessIsAUsageError() throws {
        let result = try CLI.run(["run", CLI.scenario("circle.json"), "--curvature"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--curvature"))
    }
}
