import Foundation
import Testing

@Suite struct InspectCommandTests {
    @Test func jsonHasEveryKey() throws {
        let result = try CLI.run(["inspect", "--links", "1,0.8,0.6", "--q=-0.5,0.3,0.2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let position = object["position"] as! [Double]
        let x = cos(-0.5) + 0.8 * cos(-0.2) + 0.6 * cos(0.0)
        let y = sin(-0.5) + 0.8 * sin(-0.2) + 0.6 * sin(0.0)
        #expect(abs(position[0] - x) < 1e-12 && abs(position[1] - y) < 1e-12)
        #expect(abs((object["orientation"] as! Double) - 0.0) < 1e-12)
        #expect((object["jacobian"] as! [[Double]]).count == 2)
        #expect((object["singularValues"] as! [Double]).count == 2)
        #expect(object["manipulability"] is Double)
        #expect(object["conditionNumber"] is Double)
        #expect(object["singular"] as? Bool == false)
        #expect(object["singularity"] as? String == "none")
    }

    @Test func poseTaskAndStretchedArm() throws {
        let result = try CLI.run(["inspect", "--links", "1,0.8,0.6", "--q", "0.4,0,0", "--task", "pose", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        #expect((object["jacobian"] as! [[Double]]).count == 3)
        #expect(object["singular"] as? Bool == true)
        #expect(object["singularity"] as? String == "boundary")
        // σ_min = 0 exactly is possible; then conditionNumber is null.
        #expect(object.keys.contains("conditionNumber"))
    }

    @Test func humanReadableReport() throws {
        let result = try CLI.run(["inspect", "--links", "1,0.8,0.6", "--q", "0.1,0.2,0.3"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Jacobian"))
        #expect(result.stdout.contains("singularity       none"))
    }

    @Test(arguments: [
        (["--links", "1,-0.8", "--q", "0,0"], "--links[1]"),
        (["--links", "1,0", "--q", "0,0"], "--links[1]"),
        (["--links", "1,0.8,0.6", "--q", "0.1,0.2"], "--q"),
        (["--links", "1e200,1", "--q", "0,0"], "--links[0]"),
        (["--links", "1,1", "--q", "0,0", "--base", "1e300,0"], "--base"),
        (["--links", "1,abc", "--q", "0,0"], "--links[1]"),
        (["--links", "", "--q", "0"], "--links"),
        (["--links", "1,0.8", "--q", "0,nan"], "--q[1]"),
        (["--q", "0,0"], "--links"),
        (["--links", "1", "--q", "0", "--task", "twist"], "--task"),
    ])
    func badArgumentsGiveOneLine(arguments: [String], field: String) throws {
        let result = try CLI.run(["inspect"] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(field), "stderr: \(result.stderr)")
    }
}

/// `inspect --target` and its options, end to end through the binary. (InspectCommandTests covers the first-order
/// report; this file the least-squares view of issue 14 and the number rules of issue 16 item 5.)
@Suite struct InspectSecondOrderTests {
    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try CLI.run(["inspect"] + arguments + ["--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    }

    /// The measurement: links 1, 0.8, 0.6 stretched, target (1.5, 0) on its own line — a stationary
    /// saddle whose eigenvalues agree with a Hessian from second differences of L computed here, in the test.
    @Test func stretchedArmIsASaddleAgreeingWithFiniteDifferences() throws {
        let object = try Self.json(["--links", "1,0.8,0.6", "--q", "0,0,0", "--target", "1.5,0"])
        let view = object["leastSquares"] as! [String: Any]
        #expect(view["curvature"] as? String == "saddle")
        #expect(view["stationary"] as? Bool == true)
        let eigenvalues = view["eigenvalues"] as! [Double]
        #expect(eigenvalues.first! < 0 && eigenvalues.last! > 0)
        let links = [1.0, 0.8, 0.6]
        func loss(_ q: [Double]) -> Double {
            var x = 0.0, y = 0.0, theta = 0.0
            for i in 0..<3 { theta += q[i]; x += links[i] * cos(theta); y += links[i] * sin(theta) }
            return 0.5 * ((1.5 - x) * (1.5 - x) + y * y)
        }
        let h = 1e-4
        var fd = [[Double]](repeating: [0, 0, 0], count: 3)
        for i in 0..<3 {
            for j in 0..<3 {
                func at(_ si: Double, _ sj: Double) -> Double { var q = [0.0, 0, 0]; q[i] += si * h; q[j] += sj * h; return loss(q) }
                fd[i][j] = (at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h * h)
            }
        }
        let hessian = view["hessian"] as! [[Double]]
        for i in 0..<3 { for j in 0..<3 { #expect(abs(hessian[i][j] - fd[i][j]) < 1e-6) } }
        // Eigenvalues of the FD Hessian through its characteristic polynomial's roots would need a solver here;
        // instead each AD eigenpair must satisfy the FD matrix: ‖H_fd v − λ v‖ < 1e-6.
        let vectors = view["eigenvectors"] as! [[Double]]
        for (lambda, v) in zip(eigenvalues, vectors) {
            for i in 0..<3 {
                let hv = (0..<3).reduce(0.0) { $0 + fd[i][$1] * v[$1] }
                #expect(abs(hv - lambda * v[i]) < 1e-6)
            }
        }
    }

    @Test func checkModesHvpAndVelocities() throws {
        for mode in ["forward", "dense", "reverse"] {
            let object = try Self.json(["--links", "1,0.8,0.6", "--q=0.3,-0.5,0.9", "--target", "1,1", "--mode", mode,
                                        "--check", "--hvp", "1,2,3", "--qdot", "0.1,0.2,0.3", "--tip-velocity", "0.5,-0.5"])
            #expect(object["jacobianMode"] as? String == mode)
            let check = object["check"] as! [String: Any]
            #expect(check["passed"] as? Bool == true)
            for key in ["jacobian", "gradient", "hessian"] {
                #expect(((check[key] as! [String: Any])["maxRelative"] as! Double) < 1e-6)
            }
            let hvp = object["hvp"] as! [String: Any]
            for (a, b) in zip(hvp["forwardOverReverse"] as! [Double], hvp["formedHessian"] as! [Double]) { #expect(abs(a - b) < 1e-12) }
            let jacobian = object["jacobian"] as! [[Double]]
            let velocity = (object["tipVelocity"] as! [String: Any])["velocity"] as! [Double]
            for r in 0..<2 { #expect(abs(velocity[r] - (0.1 * jacobian[r][0] + 0.2 * jacobian[r][1] + 0.3 * jacobian[r][2])) < 1e-12) }
            let qdot = (object["jointVelocity"] as! [String: Any])["pseudoInverse"] as! [Double]
            for (r, v) in [0.5, -0.5].enumerated() {
                #expect(abs((0..<3).reduce(0.0) { $0 + jacobian[r][$1] * qdot[$1] } - v) < 1e-12)
            }
            #expect((object["joints"] as! [[Double]]).count == 4)
        }
    }

    @Test func singularTipVelocityWarns() throws {
        let result = try CLI.run(["inspect", "--links", "1,0.8,0.6", "--q", "0,0,0", "--tip-velocity", "1,1"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: singular configuration"), "\(result.stderr)")
        #expect(result.stdout.contains("J⁺v"))
    }

    /// Issue 16 item 5: huge or non-finite numbers are usage errors naming the option; nothing prints nan/inf.
    @Test(arguments: [
        (["--q=1e308,1e308,0"], "--q[0]"),
        (["--q", "0,0,0", "--target", "1e300,0"], "--target[0]"),
        (["--q", "0,0,0", "--target", "1,0,1e300"], "--target[2] (φ)"),
        (["--q", "0,0,0", "--qdot", "0,1e300,0"], "--qdot[1]"),
        (["--q", "0,0,0", "--tip-velocity", "1e300,0"], "--tip-velocity[0]"),
        (["--q", "0,0,0", "--target", "1,0", "--hvp", "1,2"], "--hvp"),
        (["--q", "0,0,0", "--check"], "--check"),
        (["--q", "0,0,0", "--target", "1,0", "--task", "pose"], "--target"),
        (["--q", "0,0,0", "--tip-velocity", "1,0,0"], "--tip-velocity"),
        (["--q", "0,0,0", "--mode", "sideways"], "--mode"),
    ])
    func badNumbersAreUsageErrors(arguments: [String], field: String) throws {
        let result = try CLI.run(["inspect", "--links", "1,0.8,0.6"] + arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains(field), "\(result.stderr)")
    }

    @Test func stretchedArmTextHasNoNanOrInf() throws {
        for extra in [[], ["--task", "pose"], ["--target", "1.5,0"], ["--target", "3,0"]] {
            let result = try CLI.run(["inspect", "--links", "1,0.8,0.6", "--q", "0,0,0"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let words = result.stdout.lowercased().split(whereSeparator: { !$0.isLetter })
            #expect(!words.contains("nan") && !words.contains("inf"), "\(result.stdout)")
        }
    }

    /// The README's worked examples: every block that starts with `$ armsim inspect` is run, and its output must
    /// be what the README shows.
    @Test func readmeWorkedExamplesAreReproduced() throws {
        let readme = try String(contentsOf: CLI.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "```").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let examples = blocks.compactMap { block -> (String, String)? in
            let body = block.drop { $0 != "\n" }.dropFirst()
            guard body.hasPrefix("$ armsim inspect") else { return nil }
            let command = String(body.prefix { $0 != "\n" })
            return (command, String(body.dropFirst(command.count + 1)))
        }
        #expect(examples.count >= 2)
        for (command, expected) in examples {
            let arguments = command.split(separator: " ").dropFirst(2).map(String.init)
            let result = try CLI.run(arguments)
            #expect(result.status == 0)
            #expect(result.stdout == expected, "\(command)")
        }
    }
}
