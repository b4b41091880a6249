import Testing
@testable import ArmIO
import ArmKit

/// A decimal string reduced to (significant digits, exponent of the last digit): "1.25e+3" → ("125", 1).
private func normalizedDecimal(_ text: String) -> (digits: String, exponent: Int) {
    var s = Substring(text)
    if s.first == "-" { s = s.dropFirst() }
    var exponent = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(s[s.index(after: e)...])!
        s = s[..<e]
    }
    var digits = ""
    var seenPoint = false
    for ch in s {
        if ch == "." {
            seenPoint = true
        } else {
            digits.append(ch)
            if seenPoint { exponent -= 1 }
        }
    }
    while digits.count > 1, digits.first == "0" { digits.removeFirst() }
    while digits.count > 1, digits.last == "0" {
        digits.removeLast()
        exponent += 1
    }
    return (digits, exponent)
}

private struct Mismatch: CustomStringConvertible {
    var x: Double
    var ours: String
    var swifts: String
    var problem: String
    var description: String { "\(problem): bits 0x\(String(x.bitPattern, radix: 16)) ours \(ours) swift \(swifts)" }
}

/// Checks one value; returns a description of the first problem, if any.
private func check(_ x: Double) -> Mismatch? {
    let ours = ShortestDouble.string(x)
    let swifts = x.description
    guard let back = Double(ours) else { return Mismatch(x: x, ours: ours, swifts: swifts, problem: "does not parse") }
    if back.bitPattern != x.bitPattern { return Mismatch(x: x, ours: ours, swifts: swifts, problem: "round trip") }
    if ours.utf8.count > swifts.utf8.count { return Mismatch(x: x, ours: ours, swifts: swifts, problem: "longer") }
    if ours.utf8.count > ShortestDouble.maxLength { return Mismatch(x: x, ours: ours, swifts: swifts, problem: "maxLength") }
    if x != 0, normalizedDecimal(ours) != normalizedDecimal(swifts) {
        return Mismatch(x: x, ours: ours, swifts: swifts, problem: "digits differ")
    }
    for byte in ours.utf8 where !(byte >= 48 && byte <= 57) && byte != 45 && byte != 46 && byte != 101 {
        return Mismatch(x: x, ours: ours, swifts: swifts, problem: "unexpected character")
    }
    return nil
}

@Suite("Output: shortest round-trip doubles")
struct OutputShortestDoubleTests {
    @Test("known values print as expected")
    func knownValues() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "-0"), (1, "1"), (2, "2"), (-2, "-2"), (10, "10"), (1000, "1000"), (10000, "1e4"),
            (0.1, "0.1"), (0.5, "0.5"), (-1.5, "-1.5"), (0.001, "0.001"), (0.0001, "1e-4"),
            (3.141592653589793, "3.141592653589793"), (1e-7, "1e-7"), (2.1e-7, "2.1e-7"),
            (1e-300, "1e-300"), (.leastNonzeroMagnitude, "5e-324"), (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (1.7976931348623157e308, "1.7976931348623157e308"), (-1.7976931348623157e308, "-1.7976931348623157e308"),
            (1e16, "1e16"), (1e22, "1e22"), (123456.789, "123456.789"), (9007199254740992, "9007199254740992"),
            (0.30000000000000004, "0.30000000000000004"), (1e23, "1e23"), (100, "100"),
        ]
        for (x, expected) in cases {
            #expect(ShortestDouble.string(x) == expected, "\(x)")
        }
    }

    @Test("special values round-trip, are no longer than description, and have its digits")
    func specialValues() {
        var values: [Double] = [
            0, -0.0, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-300, .leastNonzeroMagnitude, -.leastNonzeroMagnitude,
            2 * .leastNonzeroMagnitude, 2.2250738585072014e-308, Double.leastNormalMagnitude.nextDown, 1.7976931348623157e308, Double.ulpOfOne, 1 + Double.ulpOfOne, 1 - Double.ulpOfOne / 2,
            Double.pi, -Double.pi, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 9007199254740991, 9007199254740992, 9007199254740994,
            4.35e-4, 123456789012345.6,
        ]
        // Every power of two and its neighbours (the asymmetric-interval cases).
        for e in -1074...1023 {
            let p = Double(sign: .plus, exponent: e, significand: 1)
            values += [p, p.nextUp, p.nextDown]
        }
        // Powers of ten and neighbours.
        for e in -323...308 {
            if let p = Double("1e\(e)") { values += [p, p.nextUp, p.nextDown] }
        }
        // Integers.
        for i in -2000...2000 { values.append(Double(i)) }
        for i in stride(from: 0, through: 62, by: 1) { values.append(Double(UInt64(1) << UInt64(i) &- 1)) }
        var failures: [String] = []
        for x in values where x.isFinite {
            if let m = check(x), failures.count < 20 { failures.append(m.description) }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    /// Four slices of 250,000 random bit patterns (run in parallel) plus 75,000 simulation-like values each.
    @Test("1,000,000 random bit patterns and 300,000 values in [-10, 10] etc. round-trip bit-exactly",
          arguments: [UInt64(0x5EED_0123_4567_89AB), 0x0DDB_A11C_AFE0_0001, 0x1234_5678_9ABC_DEF0, 0xFEED_FACE_0BAD_F00D])
    func randomValues(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var failures: [String] = []
        var checked = 0
        while checked < 250_000 {
            let x = Double(bitPattern: rng.next())
            guard x.isFinite else { continue }
            checked += 1
            if let m = check(x), failures.count < 20 { failures.append(m.description) }
        }
        for i in 0..<75_000 {
            let x: Double
            switch i % 3 {
            case 0: x = Double.random(in: -10...10, using: &rng)
            case 1: x = Double.random(in: -1e-6...1e-6, using: &rng)  // tracking errors, damping
            default: x = (Double.random(in: 0...100, using: &rng) * 100).rounded() / 100  // times t = k·dt
            }
            if let m = check(x), failures.count < 20 { failures.append(m.description) }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}

/// The text the documented layout rules give for `x`, built with plain `String` operations from the digits of
/// Swift's own `description`: the reference the fast byte layout must match exactly.
private func referenceText(_ x: Double) -> String {
    let sign = x.sign == .minus ? "-" : ""
    if x == 0 { return sign + "0" }
    let (digits, k) = normalizedDecimal(x.description)
    let n = digits.count
    let plain: String
    if k >= 0 {
        plain = digits + String(repeating: "0", count: k)
    } else if -k < n {
        plain = String(digits.prefix(n + k)) + "." + String(digits.suffix(-k))
    } else {
        plain = "0." + String(repeating: "0", count: -k - n) + digits
    }
    let e = k + n - 1
    let scientific = String(digits.prefix(1)) + (n > 1 ? "." + String(digits.dropFirst()) : "") + "e\(e)"
    // Plain unless it is more than one byte longer.
    return sign + (plain.utf8.count <= scientific.utf8.count + 1 ? plain : scientific)
}

/// Values around every layout boundary: 1 to 17 significant digits at decimal exponents -330…310, both signs.
private func boundaryValues(using rng: inout SplitMix64) -> [Double] {
    var values: [Double] = []
    for e in -330...310 {
        for digitCount in 1...17 {
            var mantissa = "\(1 + rng.next() % 9)"
            for _ in 1..<digitCount { mantissa += "\(rng.next() % 10)" }
            guard let x = Double("\(mantissa)e\(e - digitCount + 1)"), x.isFinite, x != 0 else { continue }
            values += [x, -x, x.nextUp, x.nextDown]
        }
    }
    return values
}

@Suite("Output: shortest round-trip doubles, byte layout")
struct OutputShortestDoubleLayoutTests {
    @Test("known layouts at the plain/scientific boundaries")
    func boundaries() {
        let cases: [(Double, String)] = [
            (0.00012345, "0.00012345"), (0.000012345, "1.2345e-5"), (0.001, "0.001"), (0.0001, "1e-4"),
            (0.0012, "0.0012"), (0.00012, "0.00012"), (0.000012, "1.2e-5"), (12000, "12000"), (120000, "120000"),
            (1200000, "1.2e6"), (123e15, "1.23e17"), (1e21, "1e21"), (-0.1, "-0.1"), (5e-324, "5e-324"),
            (1.5e-323, "1.5e-323"), (0.30000000000000004, "0.30000000000000004"), (-12.5, "-12.5"),
            (9007199254740994, "9007199254740994"), (0.5e-4, "5e-5"), (-0.00075, "-0.00075"),
        ]
        for (x, expected) in cases {
            #expect(ShortestDouble.string(x) == expected, "\(x.description)")
            #expect(referenceText(x) == expected, "reference for \(x.description)")
        }
    }

    /// Random bit patterns, integers, powers of ten, subnormals and every digit count at every exponent: the
    /// text must be byte for byte the reference layout of `description`'s digits and parse back to the bits.
    @Test("byte-identical to the reference layout of description's digits",
          arguments: [UInt64(0xC0FF_EE00_1234_5678), 0x9E37_79B9_7F4A_7C15])
    func matchesReference(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var values = boundaryValues(using: &rng)
        for _ in 0..<50_000 { values.append(Double(bitPattern: rng.next())) }
        for _ in 0..<20_000 { values.append(Double(bitPattern: rng.next() % (1 << 52))) }  // subnormals
        for _ in 0..<20_000 { values.append(Double(Int64(bitPattern: rng.next()) >> Int64(rng.next() % 64))) }
        for e in -323...308 { if let p = Double("1e\(e)") { values += [p, p.nextUp, p.nextDown, -p] } }
        var failures: [String] = []
        var buffer = [UInt8](repeating: 0xAA, count: ShortestDouble.maxLength + 8)
        for x in values where x.isFinite {
            let ours = ShortestDouble.string(x)
            let expected = referenceText(x)
            // Scratch bytes must stay inside maxLength: the guard bytes after it keep their pattern.
            let guardIntact = buffer.withUnsafeMutableBufferPointer { b -> Bool in
                _ = ShortestDouble.write(x, to: b.baseAddress!)
                return b[ShortestDouble.maxLength...].allSatisfy { $0 == 0xAA }
            }
            if ours != expected || Double(ours)?.bitPattern != x.bitPattern || !guardIntact, failures.count < 20 {
                failures.append("bits 0x\(String(x.bitPattern, radix: 16)): ours \(ours) expected \(expected) guard \(guardIntact)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }
}
