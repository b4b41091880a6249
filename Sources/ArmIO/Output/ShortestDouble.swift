import ArmKit
/// Shortest round-trip decimal text for a `Double`, written straight into a byte buffer.
///
/// The digits are those of Raffaello Giulietti's Schubfach algorithm ("The Schubfach way to render doubles",
/// 2020; the same algorithm behind Java 19's `Double.toString`): the shortest decimal that lies inside the
/// double's rounding interval, and among those of that length the one closest to the exact binary value.
/// `Double(text)` gives back the very same bits (−0 included), and the digit string is the one Swift's own
/// `description` prints. Only integer arithmetic is used: one 64×128-bit multiply per bound, no allocation.
///
/// Layout (always a valid JSON number and a number every CSV reader parses):
/// - a leading `-` for negative values, including `-0`;
/// - plain notation (`0`, `2`, `1000`, `0.1`, `3.141592653589793`, `0.00012345`) or scientific notation with
///   a bare exponent (`1e-7`, `2.5e22`, `-1.7976931348623157e308`), whichever is shorter, plain winning
///   when it is at most one byte longer (so `1000` rather than `1e3`, `0.001` rather than `1e-3`).
///   Integer-valued doubles carry no `.0`.
/// - never longer than Swift's `description` of the same value, and at most `maxLength` bytes.
///
/// Non-finite values have no JSON number form: callers must check `isFinite` first (`write` traps on them).
public enum ShortestDouble {
    /// The most bytes `write(_:to:)` ever writes (`-1.2345678901234567e-308`).
    public static let maxLength = 24

    /// Writes the shortest round-trip text of a finite `x` at `out` and returns the number of bytes written
    /// (at most `maxLength`).
    @inline(__always)
    public static func write(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(x.isFinite, "ShortestDouble.write: non-finite value")
        let bits = x.bitPattern
        var p = out
        if bits >> 63 != 0 {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        let fraction = bits & ((1 << 52) - 1)
        let biasedExponent = Int(truncatingIfNeeded: (bits >> 52) & 0x7FF)
        if biasedExponent == 0 && fraction == 0 {
            p.pointee = UInt8(ascii: "0")
            return p - out + 1
        }
        let (digits, exponent) = toDecimal(fraction: fraction, biasedExponent: biasedExponent)
        return (p - out) + layout(digits: digits, exponent: exponent, to: p)
    }

    /// The shortest round-trip text of a finite `x` as a `String` (allocates; for tests and cold paths).
    public static func string(_ x: Double) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength) { buffer in
            let count = write(x, to: buffer.baseAddress!)
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    // MARK: - Schubfach

    /// The decimal (digits, exponent), digits × 10^exponent, with no trailing zeros in `digits`, for a positive
    /// finite double given by its IEEE fields.
    @inline(__always)
    static func toDecimal(fraction: UInt64, biasedExponent: Int) -> (UInt64, Int) {
        let c: UInt64
        let q: Int
        if biasedExponent != 0 {
            c = fraction | (1 << 52)
            q = biasedExponent - 1075
            // Integers in [1, 2^53): their own digits are the shortest (the rounding interval is ±½ or less).
            if q <= 0 && q >= -52 {
                let shift = UInt64(-q)
                if c & ((1 << shift) &- 1) == 0 {
                    return removeTrailingZeros(c >> shift, 0)
                }
            }
        } else {
            c = fraction
            q = -1074
        }

        let isEven = c & 1 == 0
        // At a power of two the gap below is half the gap above.
        let lowerIsCloser = fraction == 0 && biasedExponent > 1
        // Interval bounds and value, scaled by 4: v = cb·2^(q-2), rounding interval [cbl, cbr]·2^(q-2).
        let cbl = 4 &* c &- 2 &+ (lowerIsCloser ? 1 : 0)
        let cb = 4 &* c
        let cbr = 4 &* c &+ 2
        // k = ⌊log10(2^q)⌋, or ⌊log10(¾·2^q)⌋ when the lower gap is the smaller.
        let k = lowerIsCloser ? ((q &* 1_262_611 &- 524_031) >> 22) : ((q &* 1_262_611) >> 22)
        // h = q + ⌊log2 10^-k⌋ + 1, in [1, 4].
        let h = q &+ (((-k) &* 1_741_647) >> 19) &+ 1
        let index = 2 &* (-k &- pow10MinExponent)
        let (g1, g0) = pow10Table.withUnsafeBufferPointer { ($0[index], $0[index &+ 1]) }

        let shift = UInt64(truncatingIfNeeded: h)
        let vbl = roundToOdd(g1, g0, cbl << shift)
        let vb = roundToOdd(g1, g0, cb << shift)
        let vbr = roundToOdd(g1, g0, cbr << shift)
        let lower = vbl &+ (isEven ? 0 : 1)
        let upper = vbr &- (isEven ? 0 : 1)

        let s = vb >> 2
        if s >= 10 {
            // One digit fewer: at most one of the two neighbours u′, w′ can lie inside the interval.
            let sp = s / 10
            let upInside = lower <= 40 &* sp
            let wpInside = 40 &* sp &+ 40 <= upper
            if upInside != wpInside {
                return removeTrailingZeros(sp &+ (wpInside ? 1 : 0), k &+ 1)
            }
        }
        let uInside = lower <= 4 &* s
        let wInside = 4 &* s &+ 4 <= upper
        if uInside != wInside {
            return removeTrailingZeros(s &+ (wInside ? 1 : 0), k)
        }
        // Both (or neither) inside: the closer one, ties to even.
        let mid = 4 &* s &+ 2
        let roundUp = vb > mid || (vb == mid && s & 1 != 0)
        return removeTrailingZeros(s &+ (roundUp ? 1 : 0), k)
    }

    /// ⌊g·cp / 2^128⌋ with the lowest bit set when the discarded part is non-zero (round to odd), where g is
    /// the 128-bit g1·2^64 + g0.
    @inline(__always)
    static func roundToOdd(_ g1: UInt64, _ g0: UInt64, _ cp: UInt64) -> UInt64 {
        let x = g0.multipliedFullWidth(by: cp)
        let y = g1.multipliedFullWidth(by: cp)
        let (low, carry) = y.low.addingReportingOverflow(x.high)
        let high = y.high &+ (carry ? 1 : 0)
        return high | (low > 1 ? 1 : 0)
    }

    @inline(__always)
    static func removeTrailingZeros(_ digits: UInt64, _ exponent: Int) -> (UInt64, Int) {
        var d = digits
        var e = exponent
        // Most values from a simulation have 15–17 significant digits and no trailing zero: one test.
        if d % 10 != 0 { return (d, e) }
        if d % 100_000_000 == 0 {
            d /= 100_000_000
            e &+= 8
        }
        if d % 10_000 == 0 {
            d /= 10_000
            e &+= 4
        }
        if d % 100 == 0 {
            d /= 100
            e &+= 2
        }
        if d % 10 == 0 {
            d /= 10
            e &+= 1
        }
        // The halving steps above remove up to 15 zeros; 10^16 (the only case with more) ends here.
        while d % 10 == 0 {
            d /= 10
            e &+= 1
        }
        return (d, e)
    }

    // MARK: - Layout

    /// Writes digits × 10^exponent (digits > 0, no trailing zeros) at `p`; returns the byte count.
    @inline(__always)
    static func layout(digits: UInt64, exponent k: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let n = decimalLength(digits)
        let sciExponent = k &+ n &- 1
        let plainLength: Int
        if k >= 0 {
            plainLength = n &+ k
        } else if -k < n {
            plainLength = n &+ 1
        } else {
            plainLength = 2 &- k
        }
        let absExponent = sciExponent < 0 ? -sciExponent : sciExponent
        let exponentLength = (sciExponent < 0 ? 1 : 0) &+ (absExponent >= 100 ? 3 : absExponent >= 10 ? 2 : 1)
        let sciLength = n &+ (n > 1 ? 1 : 0) &+ 1 &+ exponentLength

        if plainLength <= sciLength &+ 1 {
            if k >= 0 {
                writeDigits(digits, count: n, to: p)
                var i = n
                while i < plainLength {
                    p[i] = UInt8(ascii: "0")
                    i &+= 1
                }
            } else if -k < n {
                // Digits first, then open a gap for the point.
                let integerDigits = n &+ k
                writeDigits(digits, count: n, to: p)
                var i = n
                while i > integerDigits {
                    p[i] = p[i &- 1]
                    i &-= 1
                }
                p[integerDigits] = UInt8(ascii: ".")
            } else {
                p[0] = UInt8(ascii: "0")
                p[1] = UInt8(ascii: ".")
                let zeros = -k &- n
                var i = 2
                while i < 2 &+ zeros {
                    p[i] = UInt8(ascii: "0")
                    i &+= 1
                }
                writeDigits(digits, count: n, to: p + (2 &+ zeros))
            }
            return plainLength
        }

        // d.ddde±x: write the digits one place to the right, then pull the first one in front of the point.
        writeDigits(digits, count: n, to: p + 1)
        p[0] = p[1]
        var i = 1
        if n > 1 {
            p[1] = UInt8(ascii: ".")
            i = n &+ 1
        }
        p[i] = UInt8(ascii: "e")
        i &+= 1
        if sciExponent < 0 {
            p[i] = UInt8(ascii: "-")
            i &+= 1
        }
        if absExponent >= 100 {
            p[i] = UInt8(truncatingIfNeeded: absExponent / 100) &+ 48
            i &+= 1
        }
        if absExponent >= 10 {
            p[i] = UInt8(truncatingIfNeeded: (absExponent / 10) % 10) &+ 48
            i &+= 1
        }
        p[i] = UInt8(truncatingIfNeeded: absExponent % 10) &+ 48
        return i &+ 1
    }

    /// Number of decimal digits of v > 0 (v < 10^19).
    @inline(__always)
    static func decimalLength(_ v: UInt64) -> Int {
        // ⌊log10 v⌋ is ⌊(bits−1)·log10 2⌋ or one more.
        let bits = 64 &- v.leadingZeroBitCount
        let guess = ((bits &- 1) &* 1233) >> 12
        return guess &+ (v >= powerOfTen(guess &+ 1) ? 2 : 1)
    }

    @inline(__always)
    static func powerOfTen(_ i: Int) -> UInt64 {
        switch i {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        case 8: 100_000_000
        case 9: 1_000_000_000
        case 10: 10_000_000_000
        case 11: 100_000_000_000
        case 12: 1_000_000_000_000
        case 13: 10_000_000_000_000
        case 14: 100_000_000_000_000
        case 15: 1_000_000_000_000_000
        case 16: 10_000_000_000_000_000
        case 17: 100_000_000_000_000_000
        case 18: 1_000_000_000_000_000_000
        default: 10_000_000_000_000_000_000
        }
    }

    /// "00", "01", … "99".
    static var digitPairs: StaticString { "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" }

    /// Writes exactly `count` decimal digits of v (zero-padded on the left) at p.
    @inline(__always)
    static func writeDigits(_ v: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        var end = count
        var v = v
        // Above 8 digits, peel off 8 at a time so the inner loop runs on 32-bit values.
        while end > 8 {
            var low = UInt32(truncatingIfNeeded: v % 100_000_000)
            v /= 100_000_000
            for _ in 0..<4 {
                let r = Int(low % 100) &* 2
                low /= 100
                end &-= 2
                p[end] = pairs[r]
                p[end &+ 1] = pairs[r &+ 1]
            }
        }
        var w = UInt32(truncatingIfNeeded: v)
        while end >= 2 {
            let r = Int(w % 100) &* 2
            w /= 100
            end &-= 2
            p[end] = pairs[r]
            p[end &+ 1] = pairs[r &+ 1]
        }
        if end == 1 {
            p[0] = UInt8(truncatingIfNeeded: w) &+ 48
        }
    }
}
