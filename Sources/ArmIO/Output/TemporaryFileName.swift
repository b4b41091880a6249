import ArmKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The names of armsim's temporary files: `.armsim-<pid>-<16 hex digits>.tmp`, in the directory of the file
/// they will become (a rename is atomic only within one file system).
///
/// Why this shape: the name carries nothing of the output's name, so a file left by an uncatchable SIGKILL
/// is hidden, ends in `.tmp` and can never be mistaken for a (truncated) `run.csv` or `frame-000012.png`;
/// its length is fixed (at most 8 + 10 + 1 + 16 + 4 = 39 bytes), so any legal output name (255 bytes) works;
/// and the pid in it lets a later run tell a dead process's leftovers from a live run's file.
public enum TemporaryFileName {
    static let prefix = ".armsim-"
    static let suffix = ".tmp"

    /// A fresh name for this process (random, so two outputs into one directory never collide).
    public static func make(pid: Int32 = getpid()) -> String {
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return prefix + "\(pid)-" + String(repeating: "0", count: 16 - random.count) + random + suffix
    }

    /// The pid a name of this shape was made by, or nil when `name` is not one of ours.
    public static func owner(of name: String) -> Int32? {
        guard name.hasPrefix(prefix), name.hasSuffix(suffix) else { return nil }
        let middle = name.dropFirst(prefix.count).dropLast(suffix.count)
        let parts = middle.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 16, parts[1].allSatisfy(\.isHexDigit),
              let pid = Int32(parts[0]), pid > 0 else { return nil }
        return pid
    }
}
