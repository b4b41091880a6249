import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams an armsim trajectory (the CSV or JSON Lines `run --headless` writes, position or pose task) row by
/// row in bounded memory. Anything else is rejected with one line naming the file, the line and the field.
public final class TrajectoryReader {
    public let path: String
    public let layout: TrajectoryLayout
    private let lines: LineReader
    private let csv: CSVTrajectoryColumns?
    /// A first JSON line read to find the layout, handed out before the rest.
    private var pendingJSON: [UInt8]?
    private let values: UnsafeMutableBufferPointer<Double>

    public init(path: String) throws(TrajectoryInputError) {
        self.path = path
        lines = try LineReader(path: path)
        guard let first = try lines.next() else { throw TrajectoryInputError(path: path, line: 0, "is empty: not an armsim trajectory") }
        if first.first == UInt8(ascii: "{") {
            let bytes = Array(first)
            layout = try JSONTrajectoryRow.layout(of: bytes, path: path)
            pendingJSON = bytes
            csv = nil
        } else {
            let header = String(decoding: first, as: UTF8.self)
            guard let columns = CSVTrajectoryColumns(header: header) else {
                throw TrajectoryInputError(path: path, line: 1, "not an armsim trajectory: expected the CSV header of `armsim run --headless` (t,target_x,target_y,…,q0,…,status) or JSON Lines, got '\(CSVTrajectoryColumns.preview(header))'")
            }
            csv = columns
            layout = columns.layout
        }
        values = .allocate(capacity: layout.jointCount + 4)
        values.initialize(repeating: .nan)
    }

    deinit { values.deallocate() }

    /// Calls `body` for every data row, in order. Throws at the first malformed row; an empty CSV (header only)
    /// reads as no rows.
    public func forEachRow(_ body: (TrajectoryRow) -> Void) throws(TrajectoryInputError) {
        var row = TrajectoryRow(t: .nan, values: values, singular: false, singularity: .none, status: .converged)
        if let bytes = pendingJSON {
            pendingJSON = nil
            try JSONTrajectoryRow.parse(bytes, layout: layout, into: &row, path: path, line: 1)
            body(row)
        }
        while let line = try lines.next() {
            if line.isEmpty { continue }
            if let csv {
                try CSVTrajectoryRow.parse(line, columns: csv, into: &row, path: path, line: lines.lineNumber)
            } else {
                try JSONTrajectoryRow.parse(Array(line), layout: layout, into: &row, path: path, line: lines.lineNumber)
            }
            body(row)
        }
    }
}
