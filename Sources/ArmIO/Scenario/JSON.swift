import ArmKit
/// A small, strict JSON parser for scenario files.
///
/// Why not Foundation's JSONSerialization: it forgets where values were (we report `file:line:column`),
/// it silently keeps one of two duplicate keys, it blurs 2 and 2.0 and true and 1, and its behaviour on
/// hostile input varies by platform. This parser follows RFC 8259 exactly and adds:
/// - duplicate keys in one object are an error;
/// - nesting is bounded (`maxDepth`), so a fuzzed file cannot overflow the stack;
/// - strings must be valid UTF-8; `\u` escapes must pair surrogates;
/// - a number literal too large for Double is kept (as ±infinity, with its text) so the validator can
///   name the field: "must be a finite number, got 1e400".
/// It never traps on any input.

/// A 1-based line and column; columns count Unicode scalars, a tab counts as one.
struct JSONLocation: Sendable, Equatable {
    var line: Int
    var column: Int
}

struct JSONNumber: Sendable, Equatable {
    /// ±infinity when the literal overflows Double.
    var value: Double
    /// The literal as written, for messages.
    var literal: String
}

struct JSONMember: Sendable {
    var key: String
    var keyLocation: JSONLocation
    var value: JSONNode
}

indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

struct JSONNode: Sendable {
    var value: JSONValue
    var location: JSONLocation
}

struct JSONParseError: Error, Sendable, Equatable {
    var location: JSONLocation
    var message: String
}

struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maxDepth = 64

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var column = 1

    private init(bytes: [UInt8]) { self.bytes = bytes }

    static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONNode {
        var parser = JSONParser(bytes: bytes)
        if let encoding = TextEncoding.nonUTF8(bytes) {
            throw JSONParseError(location: JSONLocation(line: 1, column: 1),
                                 message: "the file is \(encoding); scenario files must be UTF-8")
        }
        // A UTF-8 byte order mark is tolerated.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { parser.index = 3 }
        parser.skipWhitespace()
        guard parser.index < bytes.count else {
            throw JSONParseError(location: parser.location, message: "the file is empty, expected a JSON object")
        }
        let root = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.index < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the end of the JSON value")
        }
        return root
    }

    // MARK: - Scanning

    private var location: JSONLocation { JSONLocation(line: line, column: column) }
    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private func error(_ message: String) -> JSONParseError { JSONParseError(location: location, message: message) }

    /// Moves past one byte, keeping line and column.
    private mutating func advance() {
        guard index < bytes.count else { return }
        let b = bytes[index]
        index += 1
        if b == UInt8(ascii: "\n") {
            line += 1; column = 1
        } else if b & 0xC0 != 0x80 {  // UTF-8 continuation bytes do not start a new column
            column += 1
        }
    }

    private mutating func skipWhitespace() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { advance() }
    }

    /// The byte at the cursor, as a message shows it.
    private func describeCurrent() -> String {
        guard let b = current else { return "end of file" }
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x80 { return "character U+\(hex(UInt32(b), width: 4))" }
        if let (scalar, _) = decodeUTF8(at: index) { return "character U+\(hex(scalar.value, width: 4))" }
        return "byte 0x\(hex(UInt32(b), width: 2)) (invalid UTF-8)"
    }

    // MARK: - Values

    private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONNode {
        let start = location
        guard let b = current else { throw error("unexpected end of file, expected a value") }
        switch b {
        case UInt8(ascii: "{"):
            return JSONNode(value: try parseObject(depth: depth + 1), location: start)
        case UInt8(ascii: "["):
            return JSONNode(value: try parseArray(depth: depth + 1), location: start)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try parseString()), location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), location: start)
        case UInt8(ascii: "t"):
            try expectWord("true"); return JSONNode(value: .bool(true), location: start)
        case UInt8(ascii: "f"):
            try expectWord("false"); return JSONNode(value: .bool(false), location: start)
        case UInt8(ascii: "n"):
            try expectWord("null"); return JSONNode(value: .null, location: start)
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            throw error("NaN and Infinity are not JSON: numbers must be finite")
        default:
            throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func expectWord(_ word: StaticString) throws(JSONParseError) {
        let start = location
        let text = word.withUTF8Buffer { Array($0) }
        for expected in text {
            guard current == expected else {
                throw JSONParseError(location: start, message: "invalid literal, expected '\(word)'")
            }
            advance()
        }
        // "trueish" is not "true" followed by garbage we would report less clearly later.
        if let b = current, isIdentifierByte(b) {
            throw JSONParseError(location: start, message: "invalid literal, expected '\(word)'")
        }
    }

    private func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    private mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        advance()  // {
        var members: [JSONMember] = []
        var seen = Set<String>()
        skipWhitespace()
        if current == UInt8(ascii: "}") { advance(); return .object(members) }
        while true {
            guard current == UInt8(ascii: "\"") else {
                if current == nil { throw error("unexpected end of file in object, expected a string key") }
                throw error("expected a string key, got \(describeCurrent())")
            }
            let keyLocation = location
            let key = try parseString()
            guard !seen.contains(key) else {
                throw JSONParseError(location: keyLocation, message: "duplicate key \(quoted(key)) in object")
            }
            seen.insert(key)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("expected ':' after object key \(quoted(key))") }
            advance()
            skipWhitespace()
            let value = try parseValue(depth: depth)
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: value))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "}") { throw error("trailing ',' before '}' is not allowed") }
            case UInt8(ascii: "}"):
                advance()
                return .object(members)
            case nil:
                throw error("unexpected end of file in object, expected ',' or '}'")
            default:
                throw error("expected ',' or '}' after object member")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= Self.maxDepth else { throw error("nesting deeper than \(Self.maxDepth) levels") }
        advance()  // [
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") { advance(); return .array(elements) }
        while true {
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "]") { throw error("trailing ',' before ']' is not allowed") }
            case UInt8(ascii: "]"):
                advance()
                return .array(elements)
            case nil:
                throw error("unexpected end of file in array, expected ',' or ']'")
            default:
                throw error("expected ',' or ']' after array element")
            }
        }
    }

    // MARK: - Numbers

    private func isDigit(_ b: UInt8?) -> Bool {
        guard let b else { return false }
        return b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
    }

    private mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let startIndex = index
        if current == UInt8(ascii: "-") {
            advance()
            if current == UInt8(ascii: "I") || current == UInt8(ascii: "N") {
                throw error("NaN and Infinity are not JSON: numbers must be finite")
            }
        }
        if current == UInt8(ascii: "0") {
            advance()
            if isDigit(current) { throw error("leading zeros are not allowed in numbers") }
        } else if isDigit(current) {
            while isDigit(current) { advance() }
        } else {
            throw error("expected a digit, got \(describeCurrent())")
        }
        if current == UInt8(ascii: ".") {
            advance()
            guard isDigit(current) else { throw error("expected a digit after '.', got \(describeCurrent())") }
            while isDigit(current) { advance() }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            guard isDigit(current) else { throw error("expected a digit in the exponent, got \(describeCurrent())") }
            while isDigit(current) { advance() }
        }
        let literal = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        // Clinger's fast path gives strtod's double for short literals (most of them) at a tenth of the cost.
        let fast = bytes.withUnsafeBufferPointer { FastDecimal.parse(UnsafeBufferPointer(rebasing: $0[startIndex..<index])) }
        // The grammar above is a subset of what Double(_:) accepts; it yields ±inf on overflow, 0 on underflow.
        let negative = bytes[startIndex] == UInt8(ascii: "-")
        let value = fast ?? Double(literal) ?? (negative ? -Double.infinity : Double.infinity)
        return JSONNumber(value: value, literal: literal)
    }

    // MARK: - Strings

    private mutating func parseString() throws(JSONParseError) -> String {
        let start = location
        advance()  // "
        var utf8: [UInt8] = []
        while true {
            guard let b = current else {
                throw JSONParseError(location: start, message: "unterminated string")
            }
            switch b {
            case UInt8(ascii: "\""):
                advance()
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let scalar = try parseEscape()
                utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
            case 0x00..<0x20:
                if b == 0x0A { throw JSONParseError(location: start, message: "unterminated string (a string cannot span lines)") }
                throw error("control character U+\(hex(UInt32(b), width: 4)) must be escaped in a string")
            case 0x20..<0x80:
                utf8.append(b)
                advance()
            default:
                guard let (_, length) = decodeUTF8(at: index) else {
                    throw error("invalid UTF-8 byte 0x\(hex(UInt32(b), width: 2)) in string")
                }
                for _ in 0..<length { utf8.append(bytes[index]); advance() }
            }
        }
    }

    /// At a backslash: consumes the escape and returns the scalar it stands for.
    private mutating func parseEscape() throws(JSONParseError) -> Unicode.Scalar {
        let escapeLocation = location
        advance()  // backslash
        guard let b = current else { throw error("unexpected end of file in string escape") }
        let simple: Unicode.Scalar?
        switch b {
        case UInt8(ascii: "\""): simple = "\""
        case UInt8(ascii: "\\"): simple = "\\"
        case UInt8(ascii: "/"): simple = "/"
        case UInt8(ascii: "b"): simple = "\u{08}"
        case UInt8(ascii: "f"): simple = "\u{0C}"
        case UInt8(ascii: "n"): simple = "\n"
        case UInt8(ascii: "r"): simple = "\r"
        case UInt8(ascii: "t"): simple = "\t"
        case UInt8(ascii: "u"): simple = nil
        default:
            throw JSONParseError(location: escapeLocation, message: "invalid escape '\\\(describeEscapeByte(b))' in string")
        }
        advance()
        if let simple { return simple }
        let high = try parseHex4(escapeLocation)
        switch high {
        case 0xD800...0xDBFF:
            // A high surrogate must be followed by \u and a low surrogate.
            guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                throw JSONParseError(location: escapeLocation,
                                     message: "unpaired UTF-16 surrogate \\u\(hex(high, width: 4)) in string")
            }
            let lowLocation = location
            advance(); advance()
            let low = try parseHex4(lowLocation)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw JSONParseError(location: escapeLocation,
                                     message: "unpaired UTF-16 surrogate \\u\(hex(high, width: 4)) in string")
            }
            let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else {
                throw JSONParseError(location: escapeLocation, message: "invalid \\u escape in string")
            }
            return scalar
        case 0xDC00...0xDFFF:
            throw JSONParseError(location: escapeLocation,
                                 message: "unpaired UTF-16 surrogate \\u\(hex(high, width: 4)) in string")
        default:
            guard let scalar = Unicode.Scalar(high) else {
                throw JSONParseError(location: escapeLocation, message: "invalid \\u escape in string")
            }
            return scalar
        }
    }

    private func describeEscapeByte(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "x\(hex(UInt32(b), width: 2))"
    }

    private mutating func parseHex4(_ escapeLocation: JSONLocation) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let b = current else {
                throw JSONParseError(location: escapeLocation, message: "\\u escape needs 4 hex digits")
            }
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw JSONParseError(location: escapeLocation, message: "\\u escape needs 4 hex digits")
            }
            value = value << 4 | digit
            advance()
        }
        return value
    }

    /// Strictly decodes one UTF-8 sequence at `i` (no overlongs, no surrogates, nothing above U+10FFFF).
    private func decodeUTF8(at i: Int) -> (Unicode.Scalar, Int)? {
        guard i < bytes.count else { return nil }
        let b0 = bytes[i]
        let length: Int
        var value: UInt32
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch b0 {
        case 0x00...0x7F: return Unicode.Scalar(UInt32(b0)).map { ($0, 1) }
        case 0xC2...0xDF: length = 2; value = UInt32(b0 & 0x1F)
        case 0xE0: length = 3; value = UInt32(b0 & 0x0F); secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3; value = UInt32(b0 & 0x0F)
        case 0xED: length = 3; value = UInt32(b0 & 0x0F); secondRange = 0x80...0x9F
        case 0xF0: length = 4; value = UInt32(b0 & 0x07); secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4; value = UInt32(b0 & 0x07)
        case 0xF4: length = 4; value = UInt32(b0 & 0x07); secondRange = 0x80...0x8F
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard (k == 1 ? secondRange : 0x80...0xBF).contains(b) else { return nil }
            value = value << 6 | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }
}

/// Upper-case hex, zero-padded to `width`.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

/// A string as messages quote it: in double quotes, control characters escaped, cut at 60 characters.
func quoted(_ s: String) -> String {
    var out = "\""
    var count = 0
    for scalar in s.unicodeScalars {
        if count == 60 { out += "…"; break }
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
                out += "\\u\(hex(scalar.value, width: 4))"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        count += 1
    }
    return out + "\""
}
