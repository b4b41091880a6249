import Testing
@testable import ArmIO
import ArmKit

private typealias F = ScenarioFixture

/// Parses `text` and returns "line:column: message" of the parse error, or nil when it parses.
private func parseError(_ bytes: [UInt8]) -> String? {
    do throws(JSONParseError) {
        _ = try JSONParser.parse(bytes)
        return nil
    } catch {
        return "\(error.location.line):\(error.location.column): \(error.message)"
    }
}
private func parseError(_ text: String) -> String? { parseError(Array(text.utf8)) }

private func stringValue(_ text: String) throws -> String? {
    guard case .string(let s) = try JSONParser.parse(Array(text.utf8)).value else { return nil }
    return s
}

@Suite("Scenario JSON parser")
struct ScenarioJSONTests {
    @Test func malformedJSONReportsLineAndColumn() {
        let text = "{\n  \"name\": \"circle\"\n  \"arm\": {}\n}\n"
        let problems = F.problems(text, file: "circle.json")
        #expect(problems.map(\.description) == ["circle.json:3:3: expected ',' or '}' after object member"])
        #expect(problems.first?.field == "" && problems.first?.line == 3 && problems.first?.column == 3)
    }

    @Test func parseErrorMessages() {
        #expect(parseError("") == "1:1: the file is empty, expected a JSON object")
        #expect(parseError("  \n ") == "2:2: the file is empty, expected a JSON object")
        #expect(parseError("[1, 2") == "1:6: unexpected end of file in array, expected ',' or ']'")
        #expect(parseError("[1 2]") == "1:4: expected ',' or ']' after array element")
        #expect(parseError("[1,]") == "1:4: trailing ',' before ']' is not allowed")
        #expect(parseError(#"{"a": 1,}"#) == "1:9: trailing ',' before '}' is not allowed")
        #expect(parseError(#"{"a" 1}"#) == #"1:6: expected ':' after object key "a""#)
        #expect(parseError("{a: 1}") == "1:2: expected a string key, got 'a'")
        #expect(parseError("{} x") == "1:4: unexpected 'x' after the end of the JSON value")
        #expect(parseError("{}{}") == "1:3: unexpected '{' after the end of the JSON value")
        #expect(parseError("[01]") == "1:3: leading zeros are not allowed in numbers")
        #expect(parseError("[1.]") == "1:4: expected a digit after '.', got ']'")
        #expect(parseError("[1e+]") == "1:5: expected a digit in the exponent, got ']'")
        #expect(parseError("[-]") == "1:3: expected a digit, got ']'")
        #expect(parseError("[.5]") == "1:2: unexpected '.', expected a value")
        #expect(parseError("[tru]") == "1:2: invalid literal, expected 'true'")
        #expect(parseError("[nullx]") == "1:2: invalid literal, expected 'null'")
        #expect(parseError(#"["abc"#) == "1:2: unterminated string")
        #expect(parseError("[\"a\nb\"]") == "1:2: unterminated string (a string cannot span lines)")
        #expect(parseError("[\"a\tb\"]") == "1:4: control character U+0009 must be escaped in a string")
        #expect(parseError(#"["\q"]"#) == #"1:3: invalid escape '\q' in string"#)
        #expect(parseError(#"["\u12"]"#) == #"1:3: \u escape needs 4 hex digits"#)
    }

    @Test func nonFiniteLiteralsAreRejected() {
        for text in ["[NaN]", "[Infinity]", "[-Infinity]", #"{"dt": NaN}"#] {
            #expect(parseError(text)?.hasSuffix("NaN and Infinity are not JSON: numbers must be finite") == true, "\(text)")
        }
        // A literal too large for Double parses, and the validator names the field.
        #expect(parseError("[1e400, -1e400, 1e-400]") == nil)
        #expect(F.lines(F.json(path: #"{ "type": "circle", "center": [1, -1e999], "radius": 1, "period": 4 }"#))
                == ["path.center[1]: must be a finite number, got -1e999"])
    }

    @Test func duplicateKeysAreRejected() {
        let text = "{\n  \"arm\": { \"links\": [1], \"links\": [2] }\n}"
        #expect(F.problems(text, file: "d.json").map(\.description) == [#"d.json:2:26: duplicate key "links" in object"#])
        #expect(parseError(#"{"a": {"b": 1}, "c": {"b": 2}}"#) == nil)  // same key in different objects is fine
    }

    @Test func stringsAndEscapes() throws {
        #expect(try stringValue(#""plain""#) == "plain")
        #expect(try stringValue(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try stringValue(#""\u00e9\u00C9""#) == "éÉ")
        #expect(try stringValue(#""\ud83d\ude00 \u0041""#) == "😀 A")
        #expect(try stringValue("\"héllo 😀 世界\"") == "héllo 😀 世界")
        #expect(try stringValue(#""\u0000""#) == "\u{0}")
        #expect(parseError(#"["\ud83d"]"#) == #"1:3: unpaired UTF-16 surrogate \uD83D in string"#)
        #expect(parseError(#"["\ud83d\u0041"]"#) == #"1:3: unpaired UTF-16 surrogate \uD83D in string"#)
        #expect(parseError(#"["\ude00"]"#) == #"1:3: unpaired UTF-16 surrogate \uDE00 in string"#)
    }

    @Test func invalidUTF8IsRejected() {
        let cases: [[UInt8]] = [
            [0x22, 0xFF, 0x22],                   // never valid
            [0x22, 0xC3, 0x22],                   // truncated sequence
            [0x22, 0xC0, 0xAF, 0x22],             // overlong '/'
            [0x22, 0xED, 0xA0, 0x80, 0x22],       // encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], // above U+10FFFF
        ]
        for bytes in cases {
            #expect(parseError(bytes)?.contains("invalid UTF-8 byte") == true, "\(bytes)")
        }
        #expect(parseError([0xFF]) == "1:1: unexpected byte 0xFF (invalid UTF-8), expected a value")
        // A byte-order mark is tolerated.
        #expect(parseError([0xEF, 0xBB, 0xBF] + Array("{}".utf8)) == nil)
    }

    @Test func columnsCountCharactersNotBytes() {
        #expect(parseError("{\"é😀\": 1 x}") == "1:10: expected ',' or '}' after object member")
    }

    @Test func nestingIsBounded() {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(parseError(ok) == nil)
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(parseError(tooDeep) == "1:65: nesting deeper than 64 levels")
        // Far deeper than any stack could take recursively: still just an error.
        let huge = String(repeating: "[", count: 1_000_000)
        #expect(parseError(huge) == "1:65: nesting deeper than 64 levels")
        let deepInScenario = F.json(extra: #""x": \#(String(repeating: "{\"a\":", count: 100))1\#(String(repeating: "}", count: 100))"#)
        #expect(F.problems(deepInScenario).first?.message == "nesting deeper than 64 levels")
    }

    @Test func shippedFilesSurviveEveryTruncation() throws {
        let text = F.json()
        let bytes = Array(text.utf8)
        for n in 0..<(bytes.count - 1) {  // the last byte is a newline
            switch F.decode(String(decoding: bytes[0..<n], as: UTF8.self)) {
            case .success: Issue.record("a truncated file loaded: \(n) bytes")
            case .failure(let e): #expect(!e.problems.isEmpty)
            }
        }
    }

    /// Random bytes, and random mutations of a valid file, must give a Scenario or a ScenarioError —
    /// never a crash, and never a problem without a message or spanning lines.
    @Test func fuzz() throws {
        var rng = SplitMix64(seed: 0xA11CE)
        let seed = Array(F.json(
            path: #"{ "type": "waypoints", "points": [[1.5, -0.4], [1.5, 0.6], [0.9, 0.8]], "durations": [1, 2, 3], "loop": true }"#,
            solver: #"{ "method": "dls", "damping": 0.05, "maxIterations": 50, "nullSpace": "rest" }"#).utf8)
        let tokens: [[UInt8]] = ["{", "}", "[", "]", ",", ":", "\"", "\\", "-", "0", "1e400", "1e-400", "2.5", "NaN",
                                 "true", "null", "\"type\"", "\"links\"", "\"\\ud800\"", "[[[[[[", "\u{1F600}", "\n"]
            .map { Array($0.utf8) }
        var loaded = 0, rejected = 0

        func check(_ bytes: [UInt8]) {
            do throws(ScenarioError) {
                let s = try ScenarioLoader.decode(bytes, fileName: "fuzz.json")
                loaded += 1
                for t in [0, 0.37, 1e9, 1e300] {
                    let p = s.path.target(at: t)
                    #expect(p.x.isFinite && p.y.isFinite && p.phi.isFinite)
                }
                #expect(s.simulation.frameCount <= SimulationConfig.maxFrames)
            } catch {
                rejected += 1
                #expect(!error.problems.isEmpty)
                for p in error.problems {
                    #expect(!p.message.isEmpty && !p.description.contains("\n"), "\(p)")
                }
            }
        }

        for _ in 0..<500 {
            let count = Int.random(in: 0...120, using: &rng)
            check((0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        for _ in 0..<500 {   // random printable JSON-ish soup
            let count = Int.random(in: 0...40, using: &rng)
            var bytes: [UInt8] = []
            for _ in 0..<count { bytes += tokens.randomElement(using: &rng) ?? [] }
            check(bytes)
        }
        for _ in 0..<3000 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<max(bytes.count, 1), using: &rng)
                switch Int.random(in: 0..<5, using: &rng) {
                case 0 where !bytes.isEmpty: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1 where !bytes.isEmpty: bytes.remove(at: i)
                case 2: bytes.insert(UInt8.random(in: 0x20...0x7E, using: &rng), at: min(i, bytes.count))
                case 3: bytes.insert(contentsOf: tokens.randomElement(using: &rng) ?? [], at: min(i, bytes.count))
                default:
                    // Replace a digit run with a random number.
                    if let j = bytes[i...].firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) {
                        let n = ["0", "-0", "1e308", "-1e-308", "4.9e-324", "123456789012345678901234567890", "-3"]
                        bytes.replaceSubrange(j...j, with: Array((n.randomElement(using: &rng) ?? "0").utf8))
                    }
                }
            }
            check(bytes)
        }
        #expect(loaded > 0 && rejected > 0)
    }

    /// Numbers take Clinger's fast path when it is exact: every literal must still give strtod's very double.
    @Test func numbersAreStrtodsDoubles() throws {
        var rng = SplitMix64(seed: 18)
        var literals = ["0", "-0", "0.0", "-0.0", "1e22", "1e23", "-1e-22", "123456789012345", "1234567890123456",
                        "12345678901234567890", "0.1", "0.30000000000000004", "9007199254740993", "2.2250738585072014e-308",
                        "4.9e-324", "1.7976931348623157e308", "1e309", "-1e-400", "1E+2", "1.5e-7"]
        for _ in 0..<20_000 {
            let digits = String(rng.next() % 10_000_000_000_000_000)
            let cut = Int(rng.next() % UInt64(digits.count + 1))
            let mantissa = cut == 0 ? digits : String(digits.prefix(cut)) + "." + String(digits.dropFirst(cut)) + "1"
            let exponent = Int(rng.next() % 61) - 30
            literals.append((rng.next() % 2 == 0 ? "-" : "") + mantissa + (rng.next() % 3 == 0 ? "" : "e\(exponent)"))
        }
        for literal in literals {
            guard case .array(let items) = try JSONParser.parse(Array("[\(literal)]".utf8)).value,
                  case .number(let n) = items.first?.value else {
                Issue.record("\(literal) did not parse as a number"); continue
            }
            let expected = Double(literal) ?? (literal.hasPrefix("-") ? -.infinity : .infinity)
            #expect(n.value.bitPattern == expected.bitPattern, "\(literal)")
        }
    }
}
