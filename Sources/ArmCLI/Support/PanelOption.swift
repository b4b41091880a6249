import ArmRender

/// `--panels LIST` and its `--ellipse` shorthand, as `run` and `render` take them.
enum PanelOption {
    static func panels(_ list: String, ellipse: Bool) throws(CommandFailure) -> Set<WindowPanel> {
        var shown: Set<WindowPanel>
        do { shown = try WindowPanel.parseList(list, option: "--panels") } catch {
            throw CommandFailure(message: error.message, exitCode: ExitCode32.usage)
        }
        if ellipse { shown.insert(.ellipse) }
        return shown
    }
}
