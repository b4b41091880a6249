/// An 8-bit-per-channel colour, straight (not premultiplied) alpha.
struct RGBA: Sendable, Equatable, Hashable {
    var r: UInt8
    var g: UInt8
    var b: UInt8
    var a: UInt8

    init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// 0xRRGGBB, opaque.
    init(hex: UInt32, alpha: UInt8 = 255) {
        self.init(UInt8((hex >> 16) & 0xFF), UInt8((hex >> 8) & 0xFF), UInt8(hex & 0xFF), alpha)
    }

    func withAlpha(_ alpha: UInt8) -> RGBA { RGBA(r, g, b, alpha) }

    /// Alpha scaled by `f` in [0, 1].
    func faded(_ f: Double) -> RGBA {
        RGBA(r, g, b, UInt8((Double(a) * min(max(f, 0), 1)).rounded()))
    }

    /// Linear mix toward `other`: 0 gives self, 1 gives other (alpha mixed too).
    func mixed(with other: RGBA, _ f: Double) -> RGBA {
        let t = min(max(f, 0), 1)
        func m(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) + (Double(y) - Double(x)) * t).rounded()) }
        return RGBA(m(r, other.r), m(g, other.g), m(b, other.b), m(a, other.a))
    }

    /// Euclidean distance in RGB, for tests and contrast checks.
    func distance(to other: RGBA) -> Double {
        let dr = Double(r) - Double(other.r), dg = Double(g) - Double(other.g), db = Double(b) - Double(other.b)
        return (dr * dr + dg * dg + db * db).squareRoot()
    }
}
