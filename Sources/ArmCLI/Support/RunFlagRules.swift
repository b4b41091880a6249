import ArmRender

/// Which `run` flags go together. Each flag belongs to the modes that can honour it; any other combination
/// is a usage error (exit 64, one line) instead of being silently ignored.
///
/// | mode                | flags it honours                                   |
/// |---------------------|----------------------------------------------------|
/// | window              | --size --quit-after --screenshot --paused --loop --panels --ellipse |
/// | --headless          | --format --output --quiet --plot (with --size) --curvature --output-dir --jobs |
/// | --record DIR        | --every --size --overwrite --quiet --panels --ellipse               |
/// `--duration` works in every mode; `--headless --record DIR` does both headless jobs in one run.
struct RunFlagRules {
    var headless: Bool
    var recording: Bool
    var given: Set<String>

    var windowed: Bool { !headless && !recording }

    func check() throws(CommandFailure) {
        for flag in ["--quit-after", "--screenshot", "--paused", "--loop"] where given.contains(flag) && !windowed {
            throw usage("\(flag): only for the window; not with \(headless ? "--headless" : "--record")")
        }
        for flag in ["--format", "--output", "--plot", "--curvature"] where given.contains(flag) && !headless {
            throw usage("\(flag): only with --headless (the trajectory is written in headless mode)")
        }
        for flag in ["--every", "--overwrite"] where given.contains(flag) && !recording {
            throw usage("\(flag): only with --record DIR")
        }
        for flag in ["--panels", "--ellipse"] where given.contains(flag) && headless && !recording {
            throw usage("\(flag): only for the window or --record (--headless alone draws nothing)")
        }
        if given.contains("--size") && headless && !recording && !given.contains("--plot") {
            throw usage("--size: only for the window, --record or --plot (--headless alone draws nothing)")
        }
    }

    private func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, exitCode: ExitCode32.usage)
    }
}
