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
        var buffer = [CChar](repeating: 0, count: 256)
        var n = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            n = withVaList(arguments) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        self = n < 0 ? "" : String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// One double (`%.3g`, `%8.2f`, …): straight to snprintf, without `withVaList`'s dynamic casts. Overload
    /// resolution picks it for every single-Double call.
    public init(cFormat format: String, _ x: Double) {
        var buffer = [CChar](repeating: 0, count: 64)
        var n = armsim_format_double(&buffer, buffer.count, format, x)
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            n = armsim_format_double(&buffer, buffer.count, format, x)
        }
        self = n < 0 ? "" : String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `dir` + "/" + `name` (one slash), for file paths built from a directory.
    public func joinedPath(_ name: String) -> String { hasSuffix("/") ? self + name : self + "/" + name }
}
