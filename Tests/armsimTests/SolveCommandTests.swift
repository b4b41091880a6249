import Foundation
import Testing

/// `armsim solve`, end to end through the binary.
@Suite struct SolveCommandTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["solve"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    static let saddle = ["--links", "1,0.8,0.6", "--q0", "0,0,0", "--target", "1.5,0"]

    /// --compare on the saddle start: every method gets a row in all three formats, the same rows in each;
    /// DLS leaves the saddle (one escape) and converges, the plain pseudo-inverse refuses at the singularity.
    @Test func compareEndToEnd() throws {
        let object = try Self.json(Self.saddle + ["--compare"])
        let methods = object["methods"] as! [[String: Any]]
        let names = methods.map { $0["method"] as! String }
        #expect(names.contains("dls") && names.contains("pinv") && names.count == Set(names).count)
        let dls = methods.first { $0["method"] as? String == "dls" }!
        #expect(dls["status"] as? String == "converged")
        #expect((dls["saddleEscapes"] as! Int) >= 1)
        #expect((dls["error"] as! Double) < 1e-6)
        let pinv = methods.first { $0["method"] as? String == "pinv" }!
        #expect(pinv["status"] as? String == "failed")
        #expect(methods.allSatisfy { ($0["microseconds"] as! Double) > 0 })

        let csv = try CLI.run(["solve"] + Self.saddle + ["--compare", "--csv"])
        #expect(csv.status == 0)
        let lines = csv.stdoutLines
        #expect(lines.first == "method,iterations,error,status,microseconds,saddle_escapes")
        #expect(lines.dropFirst().map { String($0.split(separator: ",")[0]) } == names)
        for (line, method) in zip(lines.dropFirst(), methods) {
            let cells = line.split(separator: ",")
            #expect(Int(cells[1]) == method["iterations"] as? Int && String(cells[3]) == method["status"] as? String)
        }
        let text = try CLI.run(["solve"] + Self.saddle + ["--compare"])
        #expect(text.status == 0)
        for name in names { #expect(text.stdoutLines.contains { $0.hasPrefix(name + " ") }) }
    }

    /// The trace starts at q0 (a saddle, ‖∇L‖ = 0), has one row per iteration of the full solve, and ends where
    /// the full solve ends.
    @Test func traceFollowsTheSolve() throws {
        let object = try Self.json(Self.saddle + ["--trace"])
        let trace = object["trace"] as! [[String: Any]]
        #expect(trace.first?["curvature"] as? String == "saddle")
        #expect(trace.first?["gradientNorm"] as? Double == 0)
        #expect(trace.count == (object["iterations"] as! Int) + 1)
        #expect(trace.map { $0["k"] as! Int } == Array(0..<trace.count))
        #expect(trace.contains { $0["saddleEscape"] as? Bool == true })
        let last = trace.last!["errorNorm"] as! Double, error = object["error"] as! Double
        #expect(abs(last - error) <= 1e-9)
        let losses = trace.map { $0["loss"] as! Double }
        #expect(zip(losses, losses.dropFirst()).allSatisfy { $0 >= $1 })   // every accepted step descends
        let csv = try CLI.run(["solve"] + Self.saddle + ["--trace", "--csv"])
        #expect(csv.stdoutLines.count == trace.count + 1)
    }

    @Test func seedsCountSolutions() throws {
        let reachable = try Self.json(["--links", "1,0.8,0.6", "--q0", "0.1,0.2,0.3", "--target", "1,1", "--seeds", "6", "--seed", "42"])
        let seeds = reachable["seeds"] as! [String: Any]
        #expect(seeds["count"] as? Int == 6)
        #expect((seeds["starts"] as! [[Double]]).count == 6)
        let statuses = seeds["statuses"] as! [String]
        #expect(seeds["solved"] as? Int == statuses.filter { $0 == "converged" }.count)
        #expect((seeds["solved"] as! Int) >= 1)
        // The same seed gives the same starts; a target beyond reach is never "converged" and still exits 0.
        let again = try Self.json(["--links", "1,0.8,0.6", "--q0", "0.1,0.2,0.3", "--target", "1,1", "--seeds", "6", "--seed", "42"])
        #expect((again["seeds"] as! [String: Any])["starts"] as! [[Double]] == seeds["starts"] as! [[Double]])
        let far = try Self.json(["--links", "1,0.8,0.6", "--target", "5,0", "--seeds", "4"])
        #expect(far["status"] as? String == "unreachable")
        #expect((far["seeds"] as! [String: Any])["solved"] as? Int == 0)
    }

    @Test func scenarioSuppliesArmAndStart() throws {
        let object = try Self.json([CLI.scenario("circle.json"), "--target", "1.2,0.9"])
        #expect(object["q0"] as? [Double] == [0.4, 0.6, 0.3])
        #expect(object["status"] as? String == "converged")
    }

    @Test(arguments: [
        (["--links", "1,0.8,0.6", "--target", "1,0", "--q0", "1e308,0,0"], "--q0[0]", Int32(64)),
        (["--links", "1,0.8,0.6", "--target", "1e300,0"], "--target[0]", 64),
        (["--links", "1,0.8,0.6"], "--target", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--method", "magic"], "--method", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--tolerance", "0"], "--tolerance", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--max-iterations", "0"], "--max-iterations", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--seeds", "0"], "--seeds", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--csv"], "--csv", 64),
        (["--links", "1,0.8,0.6", "--target", "1,0", "--compare", "--method", "dls"], "--compare", 64),
        (["/nonexistent/scenario.json", "--target", "1,0"], "scenario.json", 2),
    ])
    func badInputExitsWithOneLine(arguments: [String], field: String, status: Int32) throws {
        let result = try CLI.run(["solve"] + arguments)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(field), "\(result.stderr)")
    }

    @Test func noNanOrInfInAnyFormat() throws {
        for extra in [["--compare"], ["--trace"], ["--seeds", "3"], ["--compare", "--csv"], ["--trace", "--json"]] {
            for target in ["1.5,0", "3,0", "0,0"] {
                let result = try CLI.run(["solve", "--links", "1,0.8,0.6", "--q0", "0,0,0", "--target", target] + extra)
                #expect(result.status == 0, "\(result.stderr)")
                let words = result.stdout.lowercased().split(whereSeparator: { !$0.isLetter })
                #expect(!words.contains("nan") && !words.contains("inf"), "\(extra) \(target)")
                // Only a trace's row 0 (no step yet) may have a null: its step length.
                #expect(!result.stdout.replacingOccurrences(of: "\"stepLength\":null", with: "").contains("null"), "\(extra) \(target)")
            }
        }
    }
}
