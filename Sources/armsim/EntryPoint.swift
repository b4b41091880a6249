#if canImport(Glibc)
import Glibc
#endif

/// Parses and runs, mapping every failure to one clear line on stderr and a non-zero exit code. Installs the
/// process's signal handling first: the libraries own none.
@main
enum EntryPoint {
    static func main() {
        StandardDescriptors.ensureOpen()
        SignalHandling.install()
        do {
            try Armsim.main(Array(CommandLine.arguments.dropFirst()))
        } catch let failure as CommandFailure {
            Diagnostics.error(failure.message)
            exit(failure.exitCode)
        } catch {
            Diagnostics.error("\(error)")
            exit(ExitCode32.failure)
        }
    }
}
