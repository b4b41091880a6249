import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses one CSV data row in place: numbers by strtod straight from the buffer (each field ends at ',' or
/// the line's '\n'), enums by their bytes. Columns past `status` are skipped unread.
enum CSVTrajectoryRow {
    static func parse(_ line: UnsafeBufferPointer<UInt8>, columns: CSVTrajectoryColumns, into row: inout TrajectoryRow,
                      path: String, line lineNumber: Int) throws(TrajectoryInputError) {
        let roles = columns.roles
        var p = line.baseAddress!
        let end = p + line.count
        var k = 0
        while k < roles.count {
            let found = memchr(p, Int32(UInt8(ascii: ",")), p.distance(to: end))
            let fieldEnd = found.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? end
            let field = UnsafeBufferPointer(start: p, count: p.distance(to: fieldEnd))
            switch roles[k] {
            case .t: row.t = try number(field, path, lineNumber, columns.names[k])
            case .value(let i): row.values[i] = try number(field, path, lineNumber, columns.names[k])
            case .singular:
                guard let b = boolValue(field) else { throw bad(path, lineNumber, "singular", field, "true or false") }
                row.singular = b
            case .singularity:
                guard let s = match(field, singularities) else { throw bad(path, lineNumber, "singularity", field, "none, boundary or interior") }
                row.singularity = s
            case .status:
                guard let s = match(field, statuses) else {
                    throw bad(path, lineNumber, "status", field, SolveStatus.allCases.map(\.rawValue).joined(separator: ", "))
                }
                row.status = s
            case .ignored: break
            }
            k += 1
            if fieldEnd == end { break }
            p = fieldEnd + 1
        }
        guard k == roles.count else {
            throw TrajectoryInputError(path: path, line: lineNumber, "expected \(roles.count) fields, got \(k)")
        }
        guard row.t.isFinite else { throw TrajectoryInputError(path: path, line: lineNumber, "field 't': must be a finite number") }
    }

    /// An empty field is a non-finite value the writer blanked: NaN, skipped by the plot.
    @inline(__always)
    static func number(_ field: UnsafeBufferPointer<UInt8>, _ path: String, _ line: Int, _ name: String) throws(TrajectoryInputError) -> Double {
        guard !field.isEmpty else { return .nan }
        if let v = FastDecimal.parse(field) { return v }
        var endPointer: UnsafeMutablePointer<CChar>?
        let start = UnsafeMutablePointer<CChar>(OpaquePointer(field.baseAddress!))
        let v = strtod(start, &endPointer)
        let consumed = endPointer.map { start.distance(to: $0) } ?? -1
        guard consumed == field.count, field[0] != UInt8(ascii: " ") else {
            throw bad(path, line, name, field, "a number")
        }
        return v
    }

    static func boolValue(_ field: UnsafeBufferPointer<UInt8>) -> Bool? { match(field, booleans) }

    /// Enum fields compared as bytes: no String per row.
    static let statuses = SolveStatus.allCases.map { (Array($0.rawValue.utf8), $0) }
    static let singularities = SingularityKind.allCases.map { (Array($0.rawValue.utf8), $0) }
    static let booleans = [(Array("true".utf8), true), (Array("false".utf8), false)]

    @inline(__always)
    static func match<T>(_ field: UnsafeBufferPointer<UInt8>, _ table: [([UInt8], T)]) -> T? {
        for (bytes, value) in table where bytes.count == field.count && bytes.elementsEqual(field) { return value }
        return nil
    }

    static func bad(_ path: String, _ line: Int, _ name: String, _ field: UnsafeBufferPointer<UInt8>, _ expected: String) -> TrajectoryInputError {
        let text = String(decoding: field.prefix(40), as: UTF8.self)
        return TrajectoryInputError(path: path, line: line, "field '\(name)': expected \(expected), got '\(text)'")
    }
}
