import ArmKit

/// One path object's fields. A field that fails to read gets a valid stand-in and is remembered in `failed`,
/// so the path's own checks still run on the rest and its complaints about the stand-ins are dropped.
struct PathFields {
    let fields: Fields
    var failed = Set<String>()

    mutating func required<T>(_ r: inout ScenarioReader, _ key: String, _ convert: ScenarioDecoder.Convert<T>, _ standIn: T) -> T {
        if let v = r.required(fields, key, convert) { return v }
        failed.insert(key); return standIn
    }

    mutating func optional<T>(_ r: inout ScenarioReader, _ key: String, _ convert: ScenarioDecoder.Convert<T>, _ fallback: T) -> T {
        if let v = r.optional(fields, key, convert).or(fallback) { return v }
        failed.insert(key); return fallback
    }

    mutating func pair(_ key: String, _ read: Read<(Double, Double)>?, _ standIn: (Double, Double)) -> (Double, Double) {
        if case .value(let v) = read { return v }
        failed.formUnion([key, "\(key)[0]", "\(key)[1]"]); return standIn
    }
}

extension ScenarioDecoder {
    mutating func pathSection(_ top: Fields) -> (any TargetPath)? {
        guard let node = top.members["path"]?.value else {
            reader.add("path", "missing required field", at: top.location)
            return nil
        }
        guard case .object(let members) = node.value else {
            reader.add("path", "must be an object, got \(reader.describe(node))", at: node.location)
            return nil
        }
        // The type decides which other keys are allowed, so it is read first.
        guard let typeNode = members.first(where: { $0.key == "type" })?.value else {
            reader.add("path.type", "missing required field (one of \(Self.pathTypes.map { "\"\($0)\"" }.joined(separator: ", ")))",
                       at: node.location)
            return nil
        }
        guard let type = ScenarioReader.oneOf(Self.pathTypes)(&reader, typeNode, "path.type") else { return nil }
        let start = reader.count
        guard let f = reader.object(node, "path", allowed: ["type", "orientation"] + Self.pathKeys(type)) else { return nil }

        var p = PathFields(fields: f)
        let orientation = p.optional(&reader, "orientation", ScenarioReader.number, 0)
        var built: (any TargetPath)?
        do throws(PathError) {
            switch type {
            case "circle": built = try circle(&p, orientation: orientation)
            case "line": built = try line(&p, orientation: orientation)
            case "lissajous", "figure8", "figure-eight": built = try lissajous(&p, type: type, orientation: orientation)
            case "waypoints": built = try waypoints(&p, orientation: orientation)
            default: break
            }
        } catch {
            for problem in error.problems where !p.failed.contains(problem.field) {
                reader.add("path.\(problem.field)", problem.message, at: locate(f, problem.field))
            }
        }
        return reader.count == start ? built : nil
    }

    private mutating func circle(_ p: inout PathFields, orientation: Double) throws(PathError) -> any TargetPath {
        let center = p.required(&reader, "center", ScenarioReader.point, .origin)
        let radius = p.required(&reader, "radius", ScenarioReader.number, 1)
        let period = p.required(&reader, "period", ScenarioReader.number, 1)
        let clockwise = p.optional(&reader, "clockwise", ScenarioReader.bool, false)
        let phase = p.optional(&reader, "phase", ScenarioReader.number, 0)
        return try CirclePath(center: center, radius: radius, period: period, clockwise: clockwise,
                              phase: phase, orientation: orientation)
    }

    private mutating func line(_ p: inout PathFields, orientation: Double) throws(PathError) -> any TargetPath {
        let from = p.required(&reader, "from", ScenarioReader.point, .origin)
        let to = p.required(&reader, "to", ScenarioReader.point, .origin)
        let duration = p.required(&reader, "duration", ScenarioReader.number, 1)
        let pingpong = p.optional(&reader, "pingpong", ScenarioReader.bool, false)
        return try LinePath(from: from, to: to, duration: duration, pingpong: pingpong, orientation: orientation)
    }

    private mutating func lissajous(_ p: inout PathFields, type: String, orientation: Double) throws(PathError) -> any TargetPath {
        let f = p.fields
        let center = p.required(&reader, "center", ScenarioReader.point, .origin)
        let pairReader = ScenarioReader.pair("[x, y]")
        let amplitude = p.pair("amplitude", reader.required(f, "amplitude", pairReader).map { .value($0) }, (0, 0))
        let frequencyRead = reader.optional(f, "frequency", pairReader)
        if type == "lissajous" {
            if case .missing = frequencyRead { reader.add("path.frequency", "missing required field", at: f.location) }
            let frequency = p.pair("frequency", frequencyRead, (0, 0))
            let phase = p.optional(&reader, "phase", ScenarioReader.number, 0)
            return try LissajousPath(center: center, amplitudeX: amplitude.0, amplitudeY: amplitude.1,
                                     frequencyX: frequency.0, frequencyY: frequency.1, phase: phase, orientation: orientation)
        }
        let defaults = LissajousPath.figureEightFrequencies
        let frequency = frequencyRead.isPresent ? p.pair("frequency", frequencyRead, (0, 0)) : (defaults.x, defaults.y)
        return try LissajousPath.figureEight(center: center, amplitudeX: amplitude.0, amplitudeY: amplitude.1,
                                             frequencyX: frequency.0, frequencyY: frequency.1, orientation: orientation)
    }

    /// nil when the point list itself is unreadable: nothing sensible is left to check.
    private mutating func waypoints(_ p: inout PathFields, orientation: Double) throws(PathError) -> (any TargetPath)? {
        let f = p.fields
        var points: [Point2D] = []
        let read = reader.required(f, "points", ScenarioReader.array(ScenarioReader.point))
        for (i, point) in (read ?? []).enumerated() {
            if point == nil { p.failed.insert("points[\(i)]") }
            points.append(point ?? .origin)
        }
        let loop = p.optional(&reader, "loop", ScenarioReader.bool, false)
        let timing = waypointTiming(&p)
        guard read != nil else { return nil }
        return try WaypointPath(points: points, timing: timing, loop: loop, orientation: orientation)
    }

    /// Exactly one of "speed" and "durations"; without usable timing, a stand-in speed lets the points still be checked.
    private mutating func waypointTiming(_ p: inout PathFields) -> WaypointPath.Timing {
        let f = p.fields
        let speed = reader.optional(f, "speed", ScenarioReader.number)
        let durations = reader.optional(f, "durations", ScenarioReader.array(ScenarioReader.number))
        switch (speed, durations) {
        case (.missing, .value(let ds)):
            for (i, d) in ds.enumerated() where d == nil { p.failed.insert("durations[\(i)]") }
            return .durations(ds.map { $0 ?? 1 })
        case (.value(let v), .missing):
            return .speed(v)
        case (.missing, .missing):
            reader.add("path", "needs either \"speed\" (m/s) or \"durations\" (seconds, one per segment)", at: f.location)
        case (.missing, .invalid), (.invalid, .missing):
            break
        default:
            reader.add("path", "give either \"speed\" or \"durations\", not both", at: f.location(of: "durations"))
        }
        p.failed.insert("speed")
        return .speed(1)
    }
}
