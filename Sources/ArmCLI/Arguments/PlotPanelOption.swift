import ArmRender

/// --columns, listed by --help.
enum PlotPanelOption: String, ArgumentChoice {
    case q, error
    case sigmaMin = "sigma-min"
    case damping, status
    var panel: RunPlotPanel { RunPlotPanel(rawValue: rawValue)! }

    static func parse(_ text: String?) throws(CommandFailure) -> [RunPlotPanel] {
        guard let text else { return RunPlotPanel.allCases }
        var chosen: Set<RunPlotPanel> = []
        for (k, part) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let name = part.trimmedWhitespace
            guard let option = PlotPanelOption(rawValue: name) else {
                throw CommandFailure(message: "--columns[\(k)]: unknown panel '\(name)' (choose from \(allCases.map(\.rawValue).joined(separator: ", ")))", exitCode: ExitCode32.usage)
            }
            chosen.insert(option.panel)
        }
        return RunPlotPanel.allCases.filter(chosen.contains)
    }
}
