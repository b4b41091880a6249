/// Clinger's fast path for decimal text: when the significand has at most 15 digits and the decimal exponent is
/// within ±22, both are exact doubles and one multiplication or division rounds correctly, so the result is the
/// same double strtod gives. Returns nil otherwise (the caller falls back to strtod).
enum FastDecimal {
    static let powers: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { acc, _ in acc * 10 } }

    @inline(__always)
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0, n = field.count
        guard n > 0 else { return nil }
        var negative = false
        if field[0] == UInt8(ascii: "-") { negative = true; i = 1 }
        var significand: UInt64 = 0, digits = 0, exponent = 0, sawDigit = false
        while i < n, field[i] &- 48 < 10 {
            if significand != 0 || field[i] != 48 { digits += 1 }
            significand = significand &* 10 &+ UInt64(field[i] &- 48); i += 1; sawDigit = true
        }
        if i < n, field[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, field[i] &- 48 < 10 {
                if significand != 0 || field[i] != 48 { digits += 1 }
                significand = significand &* 10 &+ UInt64(field[i] &- 48); exponent -= 1; i += 1; sawDigit = true
            }
        }
        guard sawDigit, digits <= 15 else { return nil }
        if i < n, field[i] == UInt8(ascii: "e") || field[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") { expNegative = field[i] == UInt8(ascii: "-"); i += 1 }
            var e = 0, expDigits = 0
            while i < n, field[i] &- 48 < 10, expDigits < 4 { e = e * 10 + Int(field[i] &- 48); i += 1; expDigits += 1 }
            guard expDigits > 0 else { return nil }
            exponent += expNegative ? -e : e
        }
        n = i
        guard n == field.count, exponent >= -22, exponent <= 22 else { return nil }
        let m = Double(significand)
        let v = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
        return negative ? -v : v
    }
}
