#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// "Is this output the input?": the same file by device and inode, so symbolic links, hard links and
/// `./x.json` spellings are all caught. Checked before anything is written.
enum SameFile {
    static func check(input: String, output: String, option: String) throws(CommandFailure) {
        var a = stat(), b = stat()
        guard stat(input, &a) == 0, stat(output, &b) == 0 else { return }
        if a.st_dev == b.st_dev && a.st_ino == b.st_ino {
            throw CommandFailure(message: "\(option): '\(output)' is the scenario file '\(input)'; refusing to overwrite the input",
                                 exitCode: ExitCode32.usage)
        }
    }
}
