import ArmKit
/// Streams frames as CSV or JSON Lines to a `ByteSink`, one row (line) per frame.
///
/// Columns, in order (the JSON keys are the same, with `q` as one array instead of `q0`…`q{n-1}`):
/// `t,target_x,target_y[,target_phi],q0,…,q{n-1},tip_x,tip_y[,tip_phi],error,sigma_min,manipulability,damping,
/// iterations,singular,singularity,status,condition_number,saddle_escapes[,loss,gradient_norm,curvature]`; the `_phi`
/// columns only for the pose task, the last three only with `curvature`. `singular` is `true`/`false`;
/// `singularity`, `status` and `curvature` are the enums' raw values. `condition_number` is empty (JSON `null`)
/// where σ_min = 0: an infinite condition, not a failure.
///
/// Numbers are written with `ShortestDouble`: the shortest text that parses back to the same `Double`.
/// Non-finite values (the solver never produces them) are written as an empty CSV field or JSON `null`,
/// so every row still parses, and counted in `nonFiniteValues` for the caller to report.
///
/// Performance: rows are formatted straight into one preallocated buffer, handed to the sink in chunks of
/// `chunkSize` bytes (64 KiB by default); `write(_:)` allocates nothing.
///
/// Call order: `init` → `writeHeader()` → `write(_:)` per frame → `finish()`.
public final class TrajectoryWriter {
    public let format: TrajectoryFormat
    public let jointCount: Int
    public let task: IKTask
    /// Whether rows end with `loss`, `gradient_norm` and `curvature` (frames without them leave those empty).
    public let curvature: Bool
    public let sink: any ByteSink
    public let chunkSize: Int
    /// Frames written so far.
    public private(set) var framesWritten = 0
    /// NaN or infinite numbers met (written as empty fields / `null`).
    public private(set) var nonFiniteValues = 0
    /// Bytes handed to the sink so far.
    public private(set) var bytesFlushed = 0

    private let buffer: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private let maxRowLength: Int
    private var count = 0
    private var headerWritten = false

    public init(format: TrajectoryFormat, jointCount: Int, task: IKTask, sink: any ByteSink,
                chunkSize: Int = 64 * 1024, curvature: Bool = false) {
        precondition(jointCount >= 0, "jointCount must not be negative")
        precondition(chunkSize > 0, "chunkSize must be positive")
        self.format = format
        self.jointCount = jointCount
        self.task = task
        self.curvature = curvature
        self.sink = sink
        self.chunkSize = chunkSize
        // Every number ≤ 24 bytes plus its key (≤ 20) and separator; enums and braces are bounded too.
        maxRowLength = 48 * (jointCount + 21) + 128
        capacity = chunkSize + maxRowLength
        buffer = .allocate(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// The CSV header line (without the newline) for a joint count and task.
    public static func csvHeader(jointCount: Int, task: IKTask, curvature: Bool = false) -> String {
        var columns = ["t", "target_x", "target_y"]
        if task == .pose { columns.append("target_phi") }
        columns += (0..<jointCount).map { "q\($0)" }
        columns += ["tip_x", "tip_y"]
        if task == .pose { columns.append("tip_phi") }
        columns += ["error", "sigma_min", "manipulability", "damping", "iterations", "singular", "singularity", "status"]
        columns += ["condition_number", "saddle_escapes"]
        if curvature { columns += ["loss", "gradient_norm", "curvature"] }
        return columns.joined(separator: ",")
    }

    /// Writes the CSV header line (once; does nothing for JSON Lines or when already written).
    public func writeHeader() throws {
        guard format == .csv, !headerWritten else { return }
        headerWritten = true
        var header = Self.csvHeader(jointCount: jointCount, task: task, curvature: curvature)
        header.append("\n")
        try flush()
        try header.withUTF8 { bytes in
            try sink.write(UnsafeRawBufferPointer(bytes))
            bytesFlushed += bytes.count
        }
    }

    /// Appends one row. `frame.q.count` must equal `jointCount`.
    public func write(_ frame: borrowing Frame) throws {
        precondition(frame.q.count == jointCount, "frame has \(frame.q.count) joint angles, writer expects \(jointCount)")
        if count + maxRowLength > capacity { try flush() }
        switch format {
        case .csv: appendCSV(frame)
        case .jsonl: appendJSON(frame)
        }
        framesWritten += 1
        if count >= chunkSize { try flush() }
    }

    /// Hands everything buffered to the sink. The sink itself is not closed or committed.
    public func finish() throws {
        try flush()
    }

    private func flush() throws {
        guard count > 0 else { return }
        let n = count
        count = 0
        try sink.write(UnsafeRawBufferPointer(start: buffer, count: n))
        bytesFlushed += n
    }

    // MARK: - Rows

    private func appendCSV(_ frame: borrowing Frame) {
        number(frame.t); comma()
        number(frame.target.x); comma()
        number(frame.target.y); comma()
        if task == .pose { number(frame.target.phi); comma() }
        frame.q.withUnsafeBufferPointer { q in
            for x in q {
                number(x)
                comma()
            }
        }
        number(frame.tip.x); comma()
        number(frame.tip.y); comma()
        if task == .pose { number(frame.tip.phi); comma() }
        number(frame.error); comma()
        number(frame.sigmaMin); comma()
        number(frame.manipulability); comma()
        number(frame.damping); comma()
        integer(frame.iterations); comma()
        append(frame.singular ? "true," : "false,")
        append(Self.name(frame.singularity)); comma()
        append(Self.name(frame.status)); comma()
        if let c = frame.conditionNumber { number(c) }
        comma()
        integer(frame.saddleEscapes)
        if curvature {
            comma()
            if let c = frame.curvature { number(c.loss); comma(); number(c.gradientNorm); comma(); append(Self.name(c.curvature)) }
            else { comma(); comma() }
        }
        byte(UInt8(ascii: "\n"))
    }

    private func appendJSON(_ frame: borrowing Frame) {
        append("{\"t\":"); number(frame.t)
        append(",\"target_x\":"); number(frame.target.x)
        append(",\"target_y\":"); number(frame.target.y)
        if task == .pose { append(",\"target_phi\":"); number(frame.target.phi) }
        append(",\"q\":[")
        frame.q.withUnsafeBufferPointer { q in
            for (i, x) in q.enumerated() {
                if i > 0 { comma() }
                number(x)
            }
        }
        append("],\"tip_x\":"); number(frame.tip.x)
        append(",\"tip_y\":"); number(frame.tip.y)
        if task == .pose { append(",\"tip_phi\":"); number(frame.tip.phi) }
        append(",\"error\":"); number(frame.error)
        append(",\"sigma_min\":"); number(frame.sigmaMin)
        append(",\"manipulability\":"); number(frame.manipulability)
        append(",\"damping\":"); number(frame.damping)
        append(",\"iterations\":"); integer(frame.iterations)
        append(frame.singular ? ",\"singular\":true,\"singularity\":\"" : ",\"singular\":false,\"singularity\":\"")
        append(Self.name(frame.singularity))
        append("\",\"status\":\"")
        append(Self.name(frame.status))
        append("\",\"condition_number\":")
        if let c = frame.conditionNumber { number(c) } else { append("null") }
        append(",\"saddle_escapes\":"); integer(frame.saddleEscapes)
        if curvature {
            if let c = frame.curvature {
                append(",\"loss\":"); number(c.loss)
                append(",\"gradient_norm\":"); number(c.gradientNorm)
                append(",\"curvature\":\""); append(Self.name(c.curvature)); append("\"")
            } else {
                append(",\"loss\":null,\"gradient_norm\":null,\"curvature\":null")
            }
        }
        append("}\n")
    }

    // MARK: - Bytes

    @inline(__always)
    private func number(_ x: Double) {
        if x.isFinite {
            count &+= ShortestDouble.write(x, to: buffer + count)
        } else {
            nonFiniteValues += 1
            if format == .jsonl { append("null") }
        }
    }

    @inline(__always)
    private func integer(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { byte(UInt8(ascii: "-")) }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits &+= 1
        }
        var i = count &+ digits
        count = i
        repeat {
            i &-= 1
            buffer[i] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 48
            magnitude /= 10
        } while magnitude > 0
    }

    @inline(__always)
    private func comma() { byte(UInt8(ascii: ",")) }

    @inline(__always)
    private func byte(_ b: UInt8) {
        buffer[count] = b
        count &+= 1
    }

    @inline(__always)
    private func append(_ text: StaticString) {
        let n = text.utf8CodeUnitCount
        (buffer + count).update(from: text.utf8Start, count: n)
        count &+= n
    }

    // Enum names as static strings (their rawValues would go through String).
    private static func name(_ kind: SingularityKind) -> StaticString {
        switch kind {
        case .none: "none"
        case .boundary: "boundary"
        case .interior: "interior"
        }
    }

    private static func name(_ curvature: TrackingCurvature) -> StaticString {
        switch curvature {
        case .bowl: "bowl"
        case .hill: "hill"
        case .saddle: "saddle"
        case .flat: "flat"
        }
    }

    private static func name(_ status: SolveStatus) -> StaticString {
        switch status {
        case .converged: "converged"
        case .unreachable: "unreachable"
        case .limited: "limited"
        case .stalled: "stalled"
        case .failed: "failed"
        }
    }
}
