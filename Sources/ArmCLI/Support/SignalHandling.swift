import ArmIO
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's signal handlers and exit hook, installed once by the entry point (ArmIO owns none).
///
/// Every catchable signal whose default action ends the process (`terminating`) gets a handler that deletes
/// the registered temporary files (`TemporaryFileRegistry.unlinkAll`), writes the prepared line saying what
/// was not written, and calls `_exit(128 + N)`: no partial file, no backtrace, no run carrying on. The
/// handler is async-signal-safe: loads of pointers prepared in advance, `unlink`, `write`, `_exit`.
/// SIGPIPE and SIGXFSZ are ignored instead, so a closed reader or a file-size limit arrives as a write error
/// (a quiet end, or one line and exit 1). A signal already ignored at start (`nohup`, `trap '' TERM`) stays
/// ignored. The exit hook deletes temporary files on `exit()` and, if the window was running, says that the
/// display connection was lost (Xlib's I/O error handler calls `exit(1)` without returning to us).
enum SignalHandling {
    static let terminating: [Int32] = {
        var signals = [SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU]
        #if os(Linux)
        signals += [SIGIO, SIGPWR, SIGSTKFLT]
        #endif
        return signals
    }()

    /// The line to print for signal N (index N), prepared when the command knows its output.
    nonisolated(unsafe) static let messages: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let table = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: 65)
        table.initialize(repeating: nil, count: 65)
        return table
    }()

    /// Set while the window runs (read by the exit hook).
    nonisolated(unsafe) static var windowRunning = false

    static func install() {
        TemporaryFileRegistry.prepare()
        _ = messages
        announce(outputDescription: nil)
        _ = signal(SIGPIPE, SIG_IGN)
        _ = signal(SIGXFSZ, SIG_IGN)
        atexit { SignalHandling.atExit() }
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signo in terminating { sigaddset(&unblock, signo) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signo in terminating {
            var old = sigaction()
            sigaction(signo, nil, &old)
            if isIgnored(old) { continue }
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = { SignalHandling.handle($0) }
            #else
            action.__sigaction_handler.sa_handler = { SignalHandling.handle($0) }
            #endif
            sigemptyset(&action.sa_mask)
            for other in terminating { sigaddset(&action.sa_mask, other) }
            action.sa_flags = 0
            sigaction(signo, &action, nil)
        }
    }

    /// Prepares the line each signal prints: "armsim: interrupted by SIGINT: <what>". `what` nil: nothing more.
    static func announce(outputDescription what: String?) {
        for signo in terminating {
            let line = "armsim: interrupted by \(name(signo))" + (what.map { ": " + $0 } ?? "") + "\n"
            // The previous string is leaked on purpose: a handler may be reading it right now.
            messages[Int(signo)] = strdup(line)
        }
    }

    static func handle(_ signo: Int32) {
        TemporaryFileRegistry.unlinkAll()
        if signo > 0 && signo < 65, let line = messages[Int(signo)] {
            _ = write(2, line, strlen(line))
        }
        _exit(128 + signo)
    }

    static func atExit() {
        TemporaryFileRegistry.unlinkAll()
        if windowRunning {
            windowRunning = false
            Diagnostics.error("the connection to the display was lost while the window was open (exit status 1)")
        }
    }

    /// A switch, not a dictionary: `announce` names every signal at each start-up.
    static func name(_ signo: Int32) -> String {
        switch signo {
        case SIGHUP: "SIGHUP"
        case SIGINT: "SIGINT"
        case SIGQUIT: "SIGQUIT"
        case SIGTERM: "SIGTERM"
        case SIGUSR1: "SIGUSR1"
        case SIGUSR2: "SIGUSR2"
        case SIGALRM: "SIGALRM"
        case SIGVTALRM: "SIGVTALRM"
        case SIGPROF: "SIGPROF"
        case SIGXCPU: "SIGXCPU"
        default: "signal \(signo)"
        }
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        #if canImport(Darwin)
        let handler = action.__sigaction_u.__sa_handler
        #else
        let handler = action.__sigaction_handler.sa_handler
        #endif
        guard let handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }
}
