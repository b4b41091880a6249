import ArmRender
#if canImport(Glibc)
import Glibc
#endif

/// The command line's entry, shared by the two executables: `armsim` (static, no dynamic loader; drawing
/// commands are handed to `armsim-draw`) and `armsim-draw` (which opens SDL with dlopen when it draws).
/// Parses and runs, mapping every failure to one clear line on stderr and a non-zero exit code. Installs the
/// process's signal handling first: the libraries own none.
public enum ArmsimMain {
    public static func run(drawsInProcess: Bool) -> Never {
        DrawingHost.drawsInProcess = drawsInProcess
        if !drawsInProcess {
            // A drawing path the commands did not route would reach SDL here: hand the whole command over.
            SDLLibraries.handOff = { DrawingHost.handOver() }
        }
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
        exit(0)
    }
}
