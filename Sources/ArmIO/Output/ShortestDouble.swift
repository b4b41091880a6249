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
    /// The most bytes `write(_:to:)` ever writes (`-1.2345678901234567e-308`), and the room it needs at `out`.
    public static let maxLength = 24

    /// Writes the shortest round-trip text of a finite `x` at `out` and returns the number of bytes written
    /// (at most `maxLength`). `out` must have `maxLength` writable bytes: the bytes after the text, up to
    /// `out + maxLength`, may be overwritten too (digits are stored eight at a time).
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
            return (p - out) &+ 1
        }
        let (digits, exponent) = toDecimal(fraction: fraction, biasedExponent: biasedExponent)
        return (p - out) &+ layout(digits: digits, exponent: exponent, to: p)
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
        if biasedExponent != 0 {
            let c = fraction | (1 << 52)
            let q = biasedExponent &- 1075
            // Integers in [1, 2^53): their own digits are the shortest (the rounding interval is ±½ or less).
            // c·2^q is one exactly when −tz(c) ≤ q ≤ 0; as unsigned, that is one compare.
            let tz = c.trailingZeroBitCount
            if UInt(bitPattern: tz &+ q) <= UInt(bitPattern: tz) {
                return removeTrailingZeros(c &>> UInt64(truncatingIfNeeded: 0 &- q), 0)
            }
            // The common case, kept straight-line: a normal double off a power of two.
            if fraction != 0 {
                return schubfach(c, q, lowerIsCloser: false, isNormal: true)
            }
        }
        return toDecimalUncommon(fraction: fraction, biasedExponent: biasedExponent)
    }

    /// Subnormals and powers of two, out of line so their extra cases stay off the common path.
    @inline(never)
    static func toDecimalUncommon(fraction: UInt64, biasedExponent: Int) -> (UInt64, Int) {
        if biasedExponent == 0 {
            return schubfach(fraction, -1074, lowerIsCloser: false, isNormal: false)
        }
        // At a power of two the gap below is half the gap above (except at the least normal, whose lower
        // neighbour is a subnormal the same gap away).
        return schubfach(1 << 52, biasedExponent &- 1075, lowerIsCloser: biasedExponent > 1, isNormal: true)
    }

    /// Schubfach proper for the double c·2^q (c > 0); `lowerIsCloser` when the gap below is half the gap
    /// above, `isNormal` when c ≥ 2^52.
    @inline(__always)
    static func schubfach(_ c: UInt64, _ q: Int, lowerIsCloser: Bool, isNormal: Bool) -> (UInt64, Int) {
        let isEven = c & 1 == 0
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

        // h ≤ 4: masking shifts skip the over-shift checks a plain `<<` by a variable costs.
        let shift = UInt64(truncatingIfNeeded: h)
        let vbl = roundToOdd(g1, g0, cbl &<< shift)
        let vb = roundToOdd(g1, g0, cb &<< shift)
        let vbr = roundToOdd(g1, g0, cbr &<< shift)
        let lower = vbl &+ (isEven ? 0 : 1)
        let upper = vbr &- (isEven ? 0 : 1)

        let s = vb >> 2
        // For c ≥ 2^52, s ≥ c·2^q·10^-k ≥ 2^52 (k makes 2^q·10^-k ≥ 1): the test only matters for subnormals.
        if isNormal || s >= 10 {
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
    //
    // Digits are made eight at a time in a register (`eightDigits`) and stored with 8-byte stores, so no loop
    // runs per digit. A store may also touch bytes past the text it is writing (later stores overwrite them);
    // every byte touched stays within `maxLength` bytes of `write`'s `out` (see each writer's note).

    /// Writes digits × 10^exponent (digits > 0, no trailing zeros) at `p`; returns the byte count.
    /// `p` has at least `maxLength − 1` writable bytes (one may have gone to a `-`).
    ///
    /// Plain wins when it is at most one byte longer than scientific (`d.ddde±x`, n + (n > 1) + 2 + exponent
    /// digits, one more for a negative exponent); the cases below are that comparison worked out per shape.
    @inline(__always)
    static func layout(digits: UInt64, exponent k: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        let n = decimalLength(digits)
        if k < 0 {
            let integerDigits = n &+ k
            if integerDigits > 0 {
                // `dd.ddd`, n + 1 bytes: scientific needs those plus an exponent, so plain always wins.
                writeWithPoint(digits, count: n, integerDigits: integerDigits, to: p)
                return n &+ 1
            }
            // `0.000ddd`, 2 + zeros + n bytes, against n + (n > 1) + 3 + digits(zeros + 1): plain wins up to
            // 3 zeros (2 for a single digit), and never from 9 zeros on.
            let zeros = 0 &- integerDigits
            if zeros <= (n > 1 ? 3 : 2) {
                writeFraction(digits, count: n, zeros: zeros, to: p)
                return 2 &+ zeros &+ n
            }
            return writeScientific(digits, count: n, exponent: k &+ n &- 1, to: p)
        }
        // Integer-valued: `ddd000`, n + k bytes.
        let sciExponent = k &+ n &- 1
        let exponentLength = sciExponent >= 100 ? 3 : sciExponent >= 10 ? 2 : 1
        let sciLength = n &+ (n > 1 ? 1 : 0) &+ 1 &+ exponentLength
        if n &+ k > sciLength &+ 1 {
            return writeScientific(digits, count: n, exponent: sciExponent, to: p)
        }
        writeInteger(digits, count: n, zeros: k, to: p)
        return n &+ k
    }

    /// `ddd000`: the digits, then `zeros` (≤ 5 where plain wins) zeros. Touches max(8, count + zeros) bytes:
    /// the text itself beyond 8. Out of line, like `writeScientific`: without the rare shapes `layout` is
    /// small enough to be inlined into its callers (the compiler kept it a call otherwise).
    @inline(never)
    static func writeInteger(_ digits: UInt64, count n: Int, zeros: Int, to p: UnsafeMutablePointer<UInt8>) {
        writeDigits(digits, count: n, to: p)
        // Rare (only integer-valued doubles with trailing zeros): a short byte loop is enough.
        var i = n
        while i < n &+ zeros {
            p[i] = UInt8(ascii: "0")
            i &+= 1
        }
    }

    /// `dd.ddd`: the digits one place to the right, then the integer part pulled left over the point's place
    /// (usually a single byte: most values have one integer digit). Touches max(9, count + 1) bytes.
    @inline(__always)
    static func writeWithPoint(_ digits: UInt64, count n: Int, integerDigits: Int,
                               to p: UnsafeMutablePointer<UInt8>) {
        writeDigits(digits, count: n, to: p + 1)
        // The first byte by hand: the usual single integer digit then skips the memmove the loop compiles to.
        p[0] = p[1]
        var i = 1
        while i < integerDigits {
            p[i] = p[i &+ 1]
            i &+= 1
        }
        p[integerDigits] = UInt8(ascii: ".")
    }

    /// `0.000ddd` with `zeros` ≤ 3 (plain loses beyond that). Touches 2 + zeros + max(count, 8) bytes: the
    /// text itself when count > 8, else at most 13.
    @inline(__always)
    static func writeFraction(_ digits: UInt64, count n: Int, zeros: Int, to p: UnsafeMutablePointer<UInt8>) {
        // "0.000000" in one store; the digits then overwrite all but the point and the leading zeros.
        store(0x3030_3030_3030_2E30, at: p)
        writeDigits(digits, count: n, to: p + (2 &+ zeros))
    }

    /// `d.ddde±x`: the digits one place to the right, the first pulled in front of the point. Touches
    /// max(9, text length) bytes.
    @inline(never)
    static func writeScientific(_ digits: UInt64, count n: Int, exponent: Int,
                                to p: UnsafeMutablePointer<UInt8>) -> Int {
        writeDigits(digits, count: n, to: p + 1)
        p[0] = p[1]
        var i = 1
        if n > 1 {
            p[1] = UInt8(ascii: ".")
            i = n &+ 1
        }
        p[i] = UInt8(ascii: "e")
        i &+= 1
        var magnitude = exponent
        if exponent < 0 {
            p[i] = UInt8(ascii: "-")
            i &+= 1
            magnitude = 0 &- exponent
        }
        return i &+ writeExponent(magnitude, to: p + i)
    }

    /// Writes 0 ≤ e ≤ 324 without leading zeros; returns 1, 2 or 3.
    @inline(__always)
    static func writeExponent(_ e: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        if e < 10 {
            p[0] = UInt8(truncatingIfNeeded: e) &+ 48
            return 1
        }
        if e < 100 {
            writePair(e, to: p)
            return 2
        }
        // 100…324: the hundreds digit, then the last two (e / 100 by multiply-shift, exact for e < 1000).
        let hundreds = (e &* 41) >> 12
        p[0] = UInt8(truncatingIfNeeded: hundreds) &+ 48
        writePair(e &- hundreds &* 100, to: p + 1)
        return 3
    }

    /// Number of decimal digits of v > 0.
    @inline(__always)
    static func decimalLength(_ v: UInt64) -> Int {
        // ⌊log10 v⌋ is ⌊(bits−1)·log10 2⌋ or one more; one table load settles which.
        let bits = 64 &- v.leadingZeroBitCount
        let guess = ((bits &- 1) &* 1233) >> 12
        let next = powersOfTen.withUnsafeBufferPointer { $0[guess &+ 1] }
        return guess &+ (v >= next ? 2 : 1)
    }

    /// 10^0 … 10^19 (the guess is at most 18, so index 19 is the last one read).
    static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
        10_000_000_000_000_000_000,
    ]

    /// "00", "01", … "99".
    static var digitPairs: StaticString { "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" }

    /// Writes the two digits of 0 ≤ v < 100.
    @inline(__always)
    static func writePair(_ v: Int, to p: UnsafeMutablePointer<UInt8>) {
        let pairs = digitPairs.utf8Start
        p[0] = pairs[v &* 2]
        p[1] = pairs[v &* 2 &+ 1]
    }

    /// Writes exactly `count` ≥ 1 decimal digits of v (zero-padded on the left) at p, touching
    /// p[0 ..< max(count, 8)].
    @inline(__always)
    static func writeDigits(_ v: UInt64, count: Int, to p: UnsafeMutablePointer<UInt8>) {
        if count <= 8 {
            storeLeading(UInt32(truncatingIfNeeded: v), count: count, at: p)
            return
        }
        // Split off the last eight digits; what is left has count − 8 of them.
        let high = v / 100_000_000
        let low = UInt32(truncatingIfNeeded: v &- high &* 100_000_000)
        if count <= 16 {
            storeLeading(UInt32(truncatingIfNeeded: high), count: count &- 8, at: p)
        } else {
            // 17 digits (the most a double needs; up to 20 for any UInt64): the leading ones, then eight more.
            let top = high / 100_000_000
            let lead = count &- 16
            if lead == 1 {
                p[0] = UInt8(truncatingIfNeeded: top) &+ 48
            } else {
                storeLeading(UInt32(truncatingIfNeeded: top), count: lead, at: p)
            }
            store(eightDigits(UInt32(truncatingIfNeeded: high &- top &* 100_000_000)), at: p + lead)
        }
        store(eightDigits(low), at: p + (count &- 8))
    }

    /// Stores the last `count` (1…8) digits of v at p, then zero bytes up to p[7] (later stores cover them).
    @inline(__always)
    static func storeLeading(_ v: UInt32, count: Int, at p: UnsafeMutablePointer<UInt8>) {
        // The first digit is the lowest byte: shifting right drops the leading zeros.
        store(eightDigits(v) &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count), at: p)
    }

    /// The eight ASCII digits of v < 10^8 (zero-padded), the first in the lowest byte. SWAR: split into two
    /// 4-digit halves in 32-bit lanes, each into 2+2 in 16-bit lanes, each into 1+1 in bytes; every
    /// multiply-shift below is an exact division for its lane's range (checked offline for all 10^8 inputs).
    /// A lane holding value with quotient q (by 10^m) becomes q·2^w + (value − q·10^m) by adding q·(2^w − 10^m):
    /// one multiply-add per step, the quotient landing in the upper half (so the first digit ends up in the
    /// highest byte, and one byte swap puts it first).
    @inline(__always)
    static func eightDigits(_ v: UInt32) -> UInt64 {
        let x = UInt64(v)
        let high4 = (x &* 109_951_163) >> 40                              // x / 10^4
        let halves = x &+ high4 &* (1 << 32 &- 10_000)
        let high2 = ((halves &* 10_486) >> 20) & 0x0000_007F_0000_007F    // each 32-bit lane / 100
        let quarters = halves &+ high2 &* (1 << 16 &- 100)
        let high1 = ((quarters &* 103) >> 10) & 0x000F_000F_000F_000F     // each 16-bit lane / 10
        let bytes = quarters &+ high1 &* (1 << 8 &- 10)
        return (bytes | 0x3030_3030_3030_3030).byteSwapped
    }

    /// Stores 8 bytes at p, least significant first on every platform.
    @inline(__always)
    static func store(_ bytes: UInt64, at p: UnsafeMutablePointer<UInt8>) {
        UnsafeMutableRawPointer(p).storeBytes(of: bytes.littleEndian, as: UInt64.self)
    }
}
