/// Lets `--q -0.5,0.3` work as well as `--q=-0.5,0.3`: a value that starts with '-' and a digit would
/// otherwise be taken for an option (and `--duration -1` reported as "missing value" instead of "must be > 0").
enum NegativeNumberArguments {
    static let numericOptions: Set<String> = ["--q", "--links", "--base", "--time", "--duration", "--quit-after", "--every",
                                               "--target", "--q0", "--hvp", "--qdot", "--tip-velocity"]

    static func normalise(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if numericOptions.contains(argument), i + 1 < arguments.count, looksNegative(arguments[i + 1]) {
                result.append("\(argument)=\(arguments[i + 1])")
                i += 2
            } else {
                result.append(argument)
                i += 1
            }
        }
        return result
    }

    private static func looksNegative(_ s: String) -> Bool {
        let chars = Array(s)
        return chars.count >= 2 && chars[0] == "-" && (chars[1].isNumber || chars[1] == ".")
    }
}
