import Testing
@testable import ArmIO
import ArmKit

@Suite("Scenario loading")
struct ScenarioTests {
    @Test(arguments: ScenarioFixture.shipped)
    func shippedScenarioLoads(_ name: String) throws {
        let path = ScenarioFixture.scenarioPath(name)
        let scenario: Scenario
        do { scenario = try ScenarioLoader.load(path: path) } catch {
            Issue.record("\(error)")
            return
        }
        #expect(scenario.name == name)
        #expect(scenario.initial.count == scenario.arm.jointCount)
        #expect(scenario.simulation.duration <= 20 && scenario.simulation.dt == 0.01)
        let described = try #require(scenario.path as? any PathDescribing)
        #expect(described.naturalDuration != nil)
        for k in stride(from: 0, through: scenario.simulation.lastIndex, by: 7) {
            let p = scenario.path.target(at: scenario.simulation.time(ofFrame: k))
            #expect(p.x.isFinite && p.y.isFinite && p.phi.isFinite)
        }
    }

    @Test func circleIsTheDocumentedExample() throws {
        let s = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("circle"))
        #expect(s.arm.links == [1.0, 0.8, 0.6])
        #expect(s.arm.base == .origin)
        #expect(s.initial == [0.4, 0.6, 0.3])
        #expect(s.arm.limits == [JointLimit(lower: -3.1, upper: 3.1), JointLimit(lower: -2.6, upper: 2.6),
                                 JointLimit(lower: -2.6, upper: 2.6)])
        #expect(s.task == .position)
        let circle = try #require(s.path as? CirclePath)
        #expect(circle.center == Point2D(x: 1.2, y: 0.4) && circle.radius == 0.5 && circle.period == 4)
        #expect(!circle.clockwise && circle.phase == 0 && circle.orientation == 0)
        var solver = SolverConfig()
        solver.method = .dls; solver.damping = 0.05; solver.variableDamping = true; solver.tolerance = 1e-6
        solver.maxIterations = 50; solver.maxStep = 0.3
        #expect(s.solver == solver)
        #expect(s.simulation == SimulationConfig(dt: 0.01, duration: 8))
        #expect(s.simulation.frameCount == 801)
    }

    @Test func specialScenariosHaveTheirShape() throws {
        let full = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("full-extension"))
        #expect(full.arm.jointCount == 3 && full.initial == [0, 0, 0])
        let line = try #require(full.path as? LinePath)
        #expect(line.pingpong && line.from.y == 0 && line.to.y == 0)
        #expect(line.from.x < full.arm.reach && line.to.x > full.arm.reach)

        let unreachable = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("unreachable"))
        let circle = try #require(unreachable.path as? CirclePath)
        let far = (circle.center.x * circle.center.x + circle.center.y * circle.center.y).squareRoot() + circle.radius
        let near = (circle.center.x * circle.center.x + circle.center.y * circle.center.y).squareRoot() - circle.radius
        #expect(far > unreachable.arm.reach && near < unreachable.arm.reach)

        let redundant = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("redundant"))
        #expect(redundant.arm.jointCount == 7 && redundant.solver.nullSpace == .rest)

        let pose = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("pose"))
        #expect(pose.task == .pose && pose.path.target(at: 1).phi == 0.5)

        let eight = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("figure8"))
        #expect((eight.path as? LissajousPath)?.frequencyY == 0.5)

        let waypoints = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("waypoints"))
        #expect((waypoints.path as? WaypointPath)?.loop == true)
    }

    @Test func defaultsApply() throws {
        let text = #"{ "arm": { "links": [1, 2] }, "path": { "type": "line", "from": [1, 0], "to": [2, 0], "duration": 1 }, "simulation": { "dt": 0.1, "duration": 1 } }"#
        let s = try ScenarioLoader.decode(Array(text.utf8), fileName: "some/dir/my-arm.scenario.json")
        #expect(s.name == "my-arm.scenario")
        #expect(s.arm.base == .origin && s.arm.limits == nil)
        #expect(s.initial == [0, 0])
        #expect(s.task == .position)
        #expect(s.solver == SolverConfig())
        let line = try #require(s.path as? LinePath)
        #expect(!line.pingpong && line.orientation == 0)
    }

    @Test func optionalFieldsAreRead() throws {
        let s = try #require(ScenarioFixture.load(ScenarioFixture.json(
            task: #""pose""#,
            path: #"{ "type": "circle", "center": [1, 0], "radius": 0.3, "period": 2, "clockwise": true, "phase": 1.5, "orientation": -0.25 }"#,
            solver: #"{ "method": "pinv", "damping": 0, "variableDamping": false, "tolerance": 1e-8, "maxIterations": 7.0, "maxStep": 0.1, "singularThreshold": 0.002, "nullSpace": "manipulability", "nullSpaceGain": 0 }"#,
            extra: #""name": "named \u00e9""#)))
        #expect(s.name == "named é")
        #expect(s.task == .pose)
        let c = try #require(s.path as? CirclePath)
        #expect(c.clockwise && c.phase == 1.5 && c.orientation == -0.25)
        #expect(s.solver.method == .pinv && s.solver.damping == 0 && !s.solver.variableDamping)
        #expect(s.solver.tolerance == 1e-8 && s.solver.maxIterations == 7 && s.solver.maxStep == 0.1)
        #expect(s.solver.singularThreshold == 0.002 && s.solver.nullSpace == .manipulability && s.solver.nullSpaceGain == 0)
    }

    @Test func everyPathTypeDecodes() throws {
        let cases: [(String, (any TargetPath) -> Bool)] = [
            (#"{ "type": "line", "from": [1, 0], "to": [1, 1], "duration": 2, "pingpong": true, "orientation": 1 }"#,
             { ($0 as? LinePath)?.pingpong == true }),
            (#"{ "type": "lissajous", "center": [1, 0], "amplitude": [0.2, 0.1], "frequency": [1, 3], "phase": 0.5 }"#,
             { ($0 as? LissajousPath)?.frequencyY == 3 }),
            (#"{ "type": "figure8", "center": [1, 0], "amplitude": [0.2, 0.1] }"#,
             { ($0 as? LissajousPath)?.frequencyX == 0.25 }),
            (#"{ "type": "figure-eight", "center": [1, 0], "amplitude": [0.2, 0.1], "frequency": [0.1, 0.2] }"#,
             { ($0 as? LissajousPath)?.frequencyX == 0.1 }),
            (#"{ "type": "waypoints", "points": [[1, 0], [1, 1], [0.5, 1]], "durations": [1, 2] }"#,
             { ($0 as? WaypointPath)?.totalDuration == 3 }),
            (#"{ "type": "waypoints", "points": [[1, 0], [1, 1]], "speed": 0.5, "loop": true }"#,
             { ($0 as? WaypointPath)?.totalDuration == 4 }),
        ]
        for (path, check) in cases {
            let s = try #require(ScenarioFixture.load(ScenarioFixture.json(path: path)))
            #expect(check(s.path), "\(path)")
        }
    }

    @Test func missingFileAndDirectory() {
        do {
            _ = try ScenarioLoader.load(path: "no/such/circle.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "no/such/circle.json: cannot read file: No such file or directory")
        }
        do {
            _ = try ScenarioLoader.load(path: ScenarioFixture.root + "/scenarios")
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.description.hasSuffix("scenarios: cannot read file: Is a directory"))
        }
    }

    @Test func oversizedInputIsRefused() {
        let big = [UInt8](repeating: 0x20, count: ScenarioLoader.maxFileSize + 1)
        #expect(ScenarioFixture.problems(String(decoding: big, as: UTF8.self)).map(\.description)
                == ["test.json: larger than 1 MiB, too large for a scenario file"])
        #if os(Linux)
        do {
            _ = try ScenarioLoader.load(path: "/dev/zero")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/dev/zero: cannot read file: larger than 1 MiB, too large for a scenario file")
        }
        #endif
    }

    @Test func defaultNames() {
        #expect(ScenarioLoader.defaultName(forFile: "scenarios/circle.json") == "circle")
        #expect(ScenarioLoader.defaultName(forFile: "circle") == "circle")
        #expect(ScenarioLoader.defaultName(forFile: ".hidden") == ".hidden")
        #expect(ScenarioLoader.defaultName(forFile: "") == "scenario")
        #expect(ScenarioLoader.defaultName(forFile: "/") == "scenario")
    }

    @Test func pathPreview() throws {
        let s = try ScenarioLoader.load(path: ScenarioFixture.scenarioPath("circle"))
        #expect(s.pathPreviewDuration == 4)
        let points = s.pathPreview(samples: 9)
        #expect(points.count == 9)
        #expect(abs(points[0].x - points[8].x) < 1e-12 && abs(points[0].y - points[8].y) < 1e-12)
        #expect(abs(points[2].x - 1.2) < 1e-12 && abs(points[2].y - 0.9) < 1e-12)
    }
}
