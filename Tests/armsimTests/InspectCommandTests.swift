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
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(field), "stderr: \(result.stderr)")
    }
}
