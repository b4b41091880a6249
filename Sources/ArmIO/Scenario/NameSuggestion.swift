/// "Did you mean …?" for a mistyped name: the scenario reader's fields and enum values and the command line's
/// subcommands all ask here, so one word gets one answer everywhere.
public enum NameSuggestion {
    /// The candidate nearest to `word` by edit distance (one edit for words of up to three letters, a third of
    /// the length beyond, at least two; ties go to the longer common prefix, then to the earlier candidate),
    /// else the only candidate that `word` abbreviates ("sim" for "simulation"). Case is ignored.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let k = Array(word.lowercased().unicodeScalars)
        guard !k.isEmpty, k.count <= 64 else { return nil }
        let limit = k.count <= 3 ? 1 : max(2, k.count / 3)
        var best: (name: String, distance: Int, prefix: Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = editDistance(k, c)
            guard d <= limit else { continue }
            let prefix = zip(k, c).prefix(while: { $0 == $1 }).count
            if let b = best, (b.distance, -b.prefix) <= (d, -prefix) { continue }
            best = (candidate, d, prefix)
        }
        if let best { return best.name }
        if k.count >= 3 {
            let prefixed = candidates.filter { $0.lowercased().unicodeScalars.starts(with: k) }
            if prefixed.count == 1 { return prefixed[0] }
        }
        return nil
    }

    /// Optimal-string-alignment distance: a swap of neighbours counts as one edit ("rnu" → "run").
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
