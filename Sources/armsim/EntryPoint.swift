import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Parses and runs, mapping every failure to one clear line on stderr and a non-zero exit code
/// (ArgumentParser's own reporting would add the usage text to bad-argument errors). Installs the process's
/// signal handling first: the libraries own none.
@main
enum EntryPoint {
    static func main() {
        StandardDescriptors.ensureOpen()
        SignalHandling.install()
        let arguments = NegativeNumberArguments.normalise(Array(CommandLine.arguments.dropFirst()))
        do {
            try Armsim.preflight(arguments)   // did-you-mean for subcommand names, `help UNKNOWN`
            try RepeatedOptions.check(arguments)
            var command = try Armsim.parseAsRoot(arguments)
            try command.run()
        } catch let failure as CommandFailure {
            Diagnostics.error(failure.message)
            exit(failure.exitCode)
        } catch {
            let code = Armsim.exitCode(for: error)
            if code == .success || error is CleanExit {
                Armsim.exit(withError: error)   // --help, --version: ArgumentParser prints them
            }
            let message = Armsim.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            Diagnostics.error(message + " (see 'armsim help')")
            exit(code.rawValue == 0 ? 64 : code.rawValue)
        }
    }
}
