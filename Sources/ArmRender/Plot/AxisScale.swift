#if canImport(Glibc)
import Glibc
#endif

/// Maps data values to pixels along one axis: linear or base-10 logarithmic. `pixelStart` is where `lower`
/// lands (for a y axis, the bottom of the plot: pixels grow downward there, so pixelStart > pixelEnd).
struct AxisScale: Sendable {
    var lower: Double
    var upper: Double
    var logarithmic = false
    var pixelStart: Double
    var pixelEnd: Double

    init(lower: Double, upper: Double, logarithmic: Bool = false, pixelStart: Double, pixelEnd: Double) {
        var lo = lower, hi = upper
        if logarithmic { lo = max(lo, 1e-300); hi = max(hi, lo) }
        if !(hi > lo) {   // a constant series still gets a readable axis
            let pad = logarithmic ? 0 : max(abs(lo) * 0.05, 1e-9)
            (lo, hi) = logarithmic ? (lo / 10, lo * 10) : (lo - pad, hi + pad)
        }
        self.lower = lo; self.upper = hi; self.logarithmic = logarithmic
        self.pixelStart = pixelStart; self.pixelEnd = pixelEnd
    }

    private func t(_ v: Double) -> Double { logarithmic ? log10(max(v, 1e-300)) : v }

    func pixel(_ v: Double) -> Double {
        let a = t(lower), b = t(upper)
        return pixelStart + (t(v) - a) / (b - a) * (pixelEnd - pixelStart)
    }

    func value(atPixel p: Double) -> Double {
        let a = t(lower), b = t(upper)
        let x = a + (p - pixelStart) / (pixelEnd - pixelStart) * (b - a)
        return logarithmic ? pow(10, x) : x
    }

    /// Tick values inside the range: 1-2-5 steps (linear) or whole decades (log, thinned to ≤ `count`).
    func ticks(count: Int) -> [Double] {
        if logarithmic {
            let a = Int(floor(log10(lower))), b = Int(ceil(log10(upper)))
            let step = max(1, (b - a + count - 1) / max(count, 1))
            return stride(from: a, through: b, by: step).map { pow(10, Double($0)) }.filter { $0 >= lower * 0.999 && $0 <= upper * 1.001 }
        }
        return NiceTicks.values(lower: lower, upper: upper, count: count)
    }
}

/// "Nice" tick positions (1, 2, 5 × 10^k steps) and their labels.
enum NiceTicks {
    static func step(span: Double, count: Int) -> Double {
        let raw = span / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let f = raw / magnitude
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * magnitude
    }

    static func values(lower: Double, upper: Double, count: Int) -> [Double] {
        guard upper > lower, lower.isFinite, upper.isFinite else { return [lower] }
        let s = step(span: upper - lower, count: count)
        var out: [Double] = []
        var k = ceil(lower / s - 1e-9)
        while k * s <= upper + s * 1e-9 && out.count < 100 {
            out.append(abs(k * s) < s * 1e-9 ? 0 : k * s)
            k += 1
        }
        return out
    }

    /// A short label: plain for moderate magnitudes, scientific otherwise.
    static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 1e-3 && a < 1e7 {
            if v == v.rounded() { return String(cFormat: "%.0f", v) }
            let s = String(cFormat: "%.4g", v)
            if !s.contains("e") { return s }
        }
        let exponent = Int(floor(log10(a)))
        let mantissa = v / pow(10, Double(exponent))
        return abs(abs(mantissa) - 1) < 1e-9 ? (v < 0 ? "-1e\(exponent)" : "1e\(exponent)") : String(cFormat: "%.3ge%d", mantissa, exponent)
    }
}
