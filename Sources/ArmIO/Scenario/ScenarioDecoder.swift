import ArmKit
/// Turns parsed JSON into a `Scenario`, collecting every problem. Model rules (links, base, limits) are
/// PlanarArm's and path rules are each path type's own; this file adds the JSON typing, unknown fields,
/// cross-field checks, solver and simulation rules.
struct ScenarioDecoder {
    var reader: ScenarioReader
    let file: String

    init(file: String) {
        self.file = file
        self.reader = ScenarioReader(file: file)
    }

    static let topKeys = ["name", "arm", "task", "path", "solver", "simulation"]
    static let armKeys = ["links", "base", "initial", "limits"]
    static let solverKeys = ["method", "damping", "variableDamping", "tolerance", "maxIterations", "maxStep",
                             "singularThreshold", "nullSpace", "nullSpaceGain"]
    static let simulationKeys = ["dt", "duration"]
    static let pathTypes = ["circle", "line", "lissajous", "figure8", "figure-eight", "waypoints"]
    /// The keys each path type accepts besides "type" and "orientation".
    static func pathKeys(_ type: String) -> [String] {
        switch type {
        case "circle": return ["center", "radius", "period", "clockwise", "phase"]
        case "line": return ["from", "to", "duration", "pingpong"]
        case "lissajous": return ["center", "amplitude", "frequency", "phase"]
        case "figure8", "figure-eight": return ["center", "amplitude", "frequency"]
        case "waypoints": return ["points", "speed", "durations", "loop"]
        default: return []
        }
    }
    /// The longest name accepted, in characters.
    static let maxNameLength = 200

    typealias Convert<T> = (inout ScenarioReader, JSONNode, String) -> T?

    mutating func decode(_ root: JSONNode) -> Scenario? {
        guard case .object = root.value else {
            reader.add("", "the top level must be a JSON object, got \(reader.describe(root))", at: root.location)
            return nil
        }
        guard let top = reader.object(root, "", allowed: Self.topKeys) else { return nil }
        let name = reader.optional(top, "name", Self.name).or(ScenarioLoader.defaultName(forFile: file))
        let arm = armSection(top)
        let task = reader.optional(top, "task", ScenarioReader.oneOf(IKTask.allCases.map(\.rawValue)))
            .or(IKTask.position.rawValue).flatMap(IKTask.init(rawValue:))
        let path = pathSection(top)
        let solver = solverSection(top)
        let simulation = simulationSection(top)
        guard let name, let arm, let task, let path, let solver, let simulation else { return nil }
        return Scenario(name: name, arm: arm.arm, initial: arm.initial, task: task, path: path,
                        solver: solver, simulation: simulation)
    }

    static func name(_ r: inout ScenarioReader, _ node: JSONNode, _ field: String) -> String? {
        guard let s = ScenarioReader.string(&r, node, field) else { return nil }
        if s.isEmpty {
            r.add(field, "must not be empty", at: node.location); return nil
        }
        // C0, DEL and C1 (U+0080–U+009F): none prints as itself on a terminal.
        if s.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            r.add(field, "must not contain control characters, got \(quoted(s))", at: node.location); return nil
        }
        if s.count > maxNameLength {
            r.add(field, "must be at most \(maxNameLength) characters, got \(s.count)", at: node.location); return nil
        }
        return s
    }

    // MARK: - Arm

    mutating func armSection(_ top: Fields) -> (arm: PlanarArm, initial: [Double])? {
        guard let node = top.members["arm"]?.value else {
            reader.add("arm", "missing required field", at: top.location)
            return nil
        }
        let start = reader.count
        guard let f = reader.object(node, "arm", allowed: Self.armKeys) else { return nil }
        let links = reader.required(f, "links", ScenarioReader.array(ScenarioReader.number))
        let base = reader.optional(f, "base", ScenarioReader.point)
        let limitPairs = reader.optional(f, "limits", ScenarioReader.array(ScenarioReader.pair("[min, max]")))
        let initial = reader.optional(f, "initial", ScenarioReader.array(ScenarioReader.number))

        var limits: [JointLimit?]?
        if case .value(let pairs) = limitPairs { limits = pairs.map { $0.map { JointLimit(lower: $0.0, upper: $0.1) } } }
        // The model's rules, asked once with every readable value (wrongly typed ones are already reported).
        // Without links, the counts cannot be judged, but base and each limit still can.
        var problems = PlanarArm.problems(links: links ?? [], base: base.or(.origin), limits: limits)
        if links == nil { problems.removeAll { $0.field == "links" || $0.field == "limits" } }
        if let links, !initial.isInvalid {
            var given: [Double?]?
            if case .value(let values) = initial { given = values }
            problems += Scenario.initialProblems(given, jointCount: links.count, limits: limits)
        }
        for problem in problems {
            let location = problem.field == "initial" && !initial.isPresent ? f.location : locate(f, problem.field)
            reader.add("arm.\(problem.field)", problem.message, at: location)
        }

        guard reader.count == start, let links, let b = base.or(.origin) else { return nil }
        let lengths = links.compactMap { $0 }
        let jointLimits = limits?.compactMap { $0 }
        let angles = (initial.or(Array(repeating: 0, count: links.count)) ?? []).compactMap { $0 }
        guard lengths.count == links.count, angles.count == links.count else { return nil }
        do {
            return (try PlanarArm(links: lengths, base: b, limits: jointLimits), angles)
        } catch {  // cannot happen: the same rules passed above
            reader.add("arm.\(error.field)", error.message, at: f.location)
            return nil
        }
    }

    // MARK: - Solver

    mutating func solverSection(_ top: Fields) -> SolverConfig? {
        var config = SolverConfig()
        guard let node = top.members["solver"]?.value else { return config }
        let start = reader.count
        guard let f = reader.object(node, "solver", allowed: Self.solverKeys) else { return nil }

        // Each field is read for its JSON type, then SolverConfig's own rules judge the values together.
        let method = reader.optional(f, "method", ScenarioReader.oneOf(SolverMethod.allCases.map(\.rawValue)))
        if case .value(let m) = method, let value = SolverMethod(rawValue: m) { config.method = value }
        if case .value(let d) = reader.optional(f, "damping", ScenarioReader.number) { config.damping = d }
        if case .value(let b) = reader.optional(f, "variableDamping", ScenarioReader.bool) { config.variableDamping = b }
        if case .value(let v) = reader.optional(f, "tolerance", ScenarioReader.number) { config.tolerance = v }
        if case .value(let n) = reader.optional(f, "maxIterations", ScenarioReader.integer) { config.maxIterations = n }
        if case .value(let v) = reader.optional(f, "maxStep", ScenarioReader.number) { config.maxStep = v }
        if case .value(let v) = reader.optional(f, "singularThreshold", ScenarioReader.number) { config.singularThreshold = v }
        let objectives = NullSpaceObjective.allCases.map(\.rawValue)
        if case .value(let s) = reader.optional(f, "nullSpace", ScenarioReader.oneOf(objectives)),
           let objective = NullSpaceObjective(rawValue: s) {
            config.nullSpace = objective
        }
        if case .value(let g) = reader.optional(f, "nullSpaceGain", ScenarioReader.number) { config.nullSpaceGain = g }
        for problem in config.problems() {
            // "damping 0 needs pinv" is about the method too: not judged while the method is unreadable.
            if method.isInvalid, problem.field == "damping", config.damping == 0 { continue }
            reader.add("solver.\(problem.field)", problem.message, at: f.location(of: problem.field))
        }
        return reader.count == start ? config : nil
    }

    // MARK: - Simulation

    mutating func simulationSection(_ top: Fields) -> SimulationConfig? {
        guard let node = top.members["simulation"]?.value else {
            reader.add("simulation", "missing required field", at: top.location)
            return nil
        }
        let start = reader.count
        guard let f = reader.object(node, "simulation", allowed: Self.simulationKeys) else { return nil }
        let dt = reader.required(f, "dt", ScenarioReader.number)
        let duration = reader.required(f, "duration", ScenarioReader.number)
        // A stand-in for an unreadable field lets the other still be judged (the largest dt makes no frame
        // count too large); the stand-in's own complaints are dropped.
        let config = SimulationConfig(dt: dt ?? .greatestFiniteMagnitude, duration: duration ?? 0)
        for problem in config.problems() {
            if problem.field == "dt" && dt == nil || problem.field == "duration" && duration == nil { continue }
            reader.add("simulation.\(problem.field)", problem.message, at: f.location(of: problem.field))
        }
        return reader.count == start ? config : nil
    }

    // MARK: - Locations

    /// Where the value named by `field` (relative to `f`: `links[2]`, `radius`) is, as near as known.
    func locate(_ f: Fields, _ field: String) -> JSONLocation {
        let key = field.prefix(while: { $0 != "[" && $0 != "." })
        guard let member = f.members[String(key)] else { return f.location }
        var node = member.value
        var rest = field.dropFirst(key.count)
        while rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
              let i = Int(rest[rest.index(after: rest.startIndex)..<close]) {
            guard case .array(let items) = node.value, i >= 0, i < items.count else { break }
            node = items[i]
            rest = rest[rest.index(after: close)...]
        }
        return node.location
    }
}

extension Read {
    var isInvalid: Bool { if case .invalid = self { return true } else { return false } }
}
