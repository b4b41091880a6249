/// Parses comma-separated numbers from the command line ("1,0.8,0.6"), naming the option in every error.
enum NumberList {
    static func parse(_ text: String, option: String) throws(CommandFailure) -> [Double] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmedWhitespace }
        guard !(parts.count == 1 && parts[0].isEmpty) else {
            throw CommandFailure(message: "\(option): expected a comma-separated list of numbers, got an empty list", exitCode: ExitCode32.usage)
        }
        var values: [Double] = []
        for (i, part) in parts.enumerated() {
            guard let value = DecimalNumber.parse(part) else {
                throw CommandFailure(message: "\(option)[\(i)]: expected a finite decimal number, got '\(part)'", exitCode: ExitCode32.usage)
            }
            values.append(value)
        }
        return values
    }
}

#if canImport(Glibc)
import Glibc
#endif
