/// Recognises a UTF-16 or UTF-32 file, so it is named instead of failing at its first NUL byte.
enum TextEncoding {
    /// "UTF-16LE (with a byte-order mark)", "UTF-32BE", … or nil for anything that may be UTF-8.
    ///
    /// A byte-order mark decides; without one, RFC 4627's rule: JSON text starts with an ASCII character, so
    /// the pattern of NUL bytes among the first four gives the encoding away.
    static func nonUTF8(_ b: [UInt8]) -> String? {
        let head = b, n = b.count
        if n >= 4, head[0] == 0, head[1] == 0, head[2] == 0xFE, head[3] == 0xFF { return "UTF-32BE (with a byte-order mark)" }
        if n >= 4, head[0] == 0xFF, head[1] == 0xFE, head[2] == 0, head[3] == 0 { return "UTF-32LE (with a byte-order mark)" }
        if n >= 2, head[0] == 0xFE, head[1] == 0xFF { return "UTF-16BE (with a byte-order mark)" }
        if n >= 2, head[0] == 0xFF, head[1] == 0xFE { return "UTF-16LE (with a byte-order mark)" }
        if n >= 4, head[0] == 0, head[1] == 0, head[2] == 0, head[3] != 0 { return "UTF-32BE" }
        if n >= 4, head[0] != 0, head[1] == 0, head[2] == 0, head[3] == 0 { return "UTF-32LE" }
        if n >= 2, head[0] == 0, head[1] != 0 { return "UTF-16BE" }
        if n >= 2, head[0] != 0, head[1] == 0 { return "UTF-16LE" }
        return nil
    }
}
