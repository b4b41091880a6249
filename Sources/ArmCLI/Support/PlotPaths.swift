#if canImport(Glibc)
import Glibc
#endif

/// Input is never the output.
enum PlotPaths {
    static func checkDistinct(input: String, output: String) throws(CommandFailure) {
        var a = stat(), b = stat()
        guard stat(input, &a) == 0, stat(output, &b) == 0 else { return }
        if a.st_dev == b.st_dev && a.st_ino == b.st_ino && (a.st_mode & S_IFMT) == S_IFREG {
            throw CommandFailure(message: "--output: '\(output)' is the input file; choose another name", exitCode: ExitCode32.usage)
        }
    }
}
