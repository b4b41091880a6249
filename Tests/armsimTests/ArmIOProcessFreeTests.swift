import Foundation
import Testing

/// ArmIO writes files; the process (signal dispositions, exit hooks, the terminal) belongs to the command line.
@Suite struct ArmIOProcessFreeTests {
    @Test func armIOInstallsNoSignalHandlersExitHooksOrTerminalChecks() throws {
        let root = CLI.packageRoot.appendingPathComponent("Sources/ArmIO")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(!files.isEmpty)
        let forbidden = ["signal(", "sigaction(", "atexit", "isatty(", "pthread_sigmask("]
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                for word in forbidden where code.contains(word) {
                    Issue.record("Sources/ArmIO/\(file):\(n + 1) calls \(word)")
                }
            }
        }
    }
}
