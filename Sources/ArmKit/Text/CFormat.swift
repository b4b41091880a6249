#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CMathShim

/// printf-style formatting without Foundation (whose `String(format:)` would load Foundation and ICU at every
/// start-up). Only numeric conversions (%d, %f, %e, %g, widths) are meant: C formats them as Foundation does.
extension String {
    public init(cFormat format: String, _ arguments: CVarArg...) {
        self = String.formatted { buffer, size in withVaList(arguments) { vsnprintf(buffer, size, format, $0) } }
    }

    /// One double (`%.3g`, `%8.2f`, …): straight to snprintf, without `withVaList`'s dynamic casts. Overload
    /// resolution picks it for every single-Double call.
    public init(cFormat format: String, _ x: Double) {
        self = String.formatted { buffer, size in armsim_format_double(buffer, size, format, x) }
    }

    /// Runs an snprintf-like `write(buffer, size)` into a buffer, again into a larger one when the text did not
    /// fit, and returns the text ("" on an encoding error).
    private static func formatted(_ write: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        var n = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!, $0.count) }
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            n = buffer.withUnsafeMutableBufferPointer { write($0.baseAddress!, $0.count) }
        }
        return n < 0 ? "" : String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `dir` + "/" + `name` (one slash), for file paths built from a directory.
    public func joinedPath(_ name: String) -> String { hasSuffix("/") ? self + name : self + "/" + name }
}
