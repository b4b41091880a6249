import Foundation
import Testing

/// No NaN reaches an output: a scenario that produces a non-finite number is either rejected by validation
/// (exit 2) or fails its run (exit 1, one line naming the frame and the field) with no file and no empty field.
@Suite struct NonFiniteOutputTests {
    static let path = #""path": {"type": "circle", "center": [1.2, 0.4], "radius": 0.5, "period": 4.0}, "simulation": {"dt": 0.01, "duration": 1.0}"#
    static let scenarios = [
        #"{"arm": {"links": [1.0, 0.8, 0.6], "initial": [1e308, 1e308, 1e308]}, "# + path + "}",
        #"{"arm": {"links": [1.0, 0.8, 0.6, 0.4], "limits": [[-1e308, 1], [-1, 1], [-1, 1], [-1, 1]]}, "solver": {"nullSpace": "limits"}, "# + path + "}",
    ]

    @Test(arguments: scenarios)
    func neverAnEmptyFieldOrNan(json: String) throws {
        let d = try CLI.temporaryDirectory()
        try json.write(to: d.appendingPathComponent("x.json"), atomically: true, encoding: .utf8)
        let validate = try CLI.run(["validate", d.path + "/x.json"])
        let file = try CLI.run(["run", d.path + "/x.json", "--headless", "--output", d.path + "/o.csv"])
        let stdout = try CLI.run(["run", d.path + "/x.json", "--headless", "--format", "jsonl"])
        if validate.status == 2 {
            #expect(file.status == 2 && stdout.status == 2)
        } else if file.status == 0 {
            // Ran: then every field of every row is a finite number.
            let rows = try String(contentsOfFile: d.path + "/o.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            for row in rows {
                for field in row.split(separator: ",", omittingEmptySubsequences: false).dropLast(3) {
                    #expect(Double(field)?.isFinite == true, "'\(field)' in \(row)")
                }
            }
            #expect(stdout.status == 0 && !stdout.stdout.contains("null"))
            try FileManager.default.removeItem(atPath: d.path + "/o.csv")
        } else {
            #expect(validate.status == 0, "\(validate.stderr)")
            #expect(file.status == 1, "\(file.stderr)")
            #expect(file.stderr.hasPrefix("armsim: error: frame 0 (t = 0.0 s): ") && file.stderr.contains("is not a finite number"), "\(file.stderr)")
            #expect(file.stderr.contains("nothing was written to '\(d.path)/o.csv'"))
            #expect(file.stderr.split(separator: "\n").count == 1)
            #expect(stdout.status == 1)
            #expect(!stdout.stdout.contains("null") && !stdout.stdout.lowercased().contains("nan"))
        }
        #expect(!file.stderr.lowercased().contains(" nan"), "\(file.stderr)")
        #expect(CLI.names(in: d) == ["x.json"])
    }
}
