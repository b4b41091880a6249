import ArmIO
import ArmKit
import AutoDiff

/// Builds one compact JSON object as UTF-8 bytes (the `--json` reports and every `--stdin` result line).
/// Numbers go through `ShortestDouble` (round-trip exact); a non-finite number is written as `null` and
/// remembered in `nonFinite`, so a caller that promised finite output can refuse to print it.
struct StreamJSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = [false]
    private(set) var nonFinite: StaticString?
    private var currentKey: StaticString = ""

    init() { bytes.reserveCapacity(1024); bytes.append(UInt8(ascii: "{")) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func finish() -> [UInt8] { bytes.append(UInt8(ascii: "}")); return bytes }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needsComma[needsComma.count - 1] = true
    }

    /// Keys are literals: their bytes are copied as they are (no escaping needed, none per-character work).
    private mutating func writeKey(_ key: StaticString) {
        separate()
        currentKey = key
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func append(string s: String) {
        bytes.append(UInt8(ascii: "\""))
        for unit in s.utf8 {
            switch unit {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(unit)
            case 0..<0x20: bytes.append(contentsOf: Array("\\u00\(hexDigit(unit >> 4))\(hexDigit(unit & 15))".utf8))
            default: bytes.append(unit)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private func hexDigit(_ v: UInt8) -> Character { Character(String(v, radix: 16)) }

    private mutating func append(number x: Double) {
        guard x.isFinite else {
            if nonFinite == nil { nonFinite = currentKey }
            appendNull()
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: ShortestDouble.maxLength) { buffer in
            let count = ShortestDouble.write(x, to: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    private mutating func appendNull() {
        bytes.append(UInt8(ascii: "n")); bytes.append(UInt8(ascii: "u")); bytes.append(UInt8(ascii: "l")); bytes.append(UInt8(ascii: "l"))
    }

    private mutating func append(array xs: [Double]) {
        bytes.append(UInt8(ascii: "["))
        for (i, x) in xs.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(number: x)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func number(_ key: StaticString, _ x: Double) { writeKey(key); append(number: x) }
    /// A number that may legitimately be absent (an infinite condition number): `null`, not a failure.
    mutating func optionalNumber(_ key: StaticString, _ x: Double?) {
        writeKey(key)
        if let x, x.isFinite { append(number: x) } else { appendNull() }
    }
    mutating func integer(_ key: StaticString, _ x: Int) { writeKey(key); bytes.append(contentsOf: Array(String(x).utf8)) }
    mutating func bool(_ key: StaticString, _ x: Bool) { writeKey(key); bytes.append(contentsOf: Array((x ? "true" : "false").utf8)) }
    mutating func string(_ key: StaticString, _ s: String) { writeKey(key); append(string: s) }
    mutating func array(_ key: StaticString, _ xs: [Double]) { writeKey(key); append(array: xs) }
    mutating func rows(_ key: StaticString, _ rows: [[Double]]) {
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for (i, row) in rows.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(array: row)
        }
        bytes.append(UInt8(ascii: "]"))
    }
    /// Writes the key, then lets `body` append a complete JSON value.
    mutating func raw(_ key: StaticString, _ body: (inout [UInt8]) -> Void) { writeKey(key); body(&bytes) }

    /// A matrix as an array of rows, without forming the row arrays.
    mutating func matrix(_ key: StaticString, _ m: Matrix) {
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for r in 0..<m.rows {
            if r > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            for c in 0..<m.columns {
                if c > 0 { bytes.append(UInt8(ascii: ",")) }
                append(number: m[r, c])
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Points as [[x, y], …].
    mutating func points(_ key: StaticString, _ points: [Point2D]) {
        writeKey(key)
        bytes.append(UInt8(ascii: "["))
        for (i, p) in points.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            append(number: p.x)
            bytes.append(UInt8(ascii: ","))
            append(number: p.y)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func object(_ key: StaticString, _ body: (inout StreamJSONWriter) -> Void) {
        writeKey(key)
        bytes.append(UInt8(ascii: "{"))
        needsComma.append(false)
        body(&self)
        needsComma.removeLast()
        bytes.append(UInt8(ascii: "}"))
    }
}

extension StreamJSONWriter {
    /// An array of already-finished JSON objects.
    mutating func rawArray(_ key: StaticString, _ objects: [[UInt8]]) {
        raw(key) { bytes in
            bytes.append(UInt8(ascii: "["))
            for (i, o) in objects.enumerated() {
                if i > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes += o
            }
            bytes.append(UInt8(ascii: "]"))
        }
    }
}

extension StreamJSONWriter {
    var finishedText: String { var copy = self; return String(decoding: copy.finish(), as: UTF8.self) }
}
