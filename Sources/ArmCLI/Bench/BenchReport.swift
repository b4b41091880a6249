#if canImport(Glibc)
import Glibc
#endif

enum BenchReport {
    static func table(_ results: [BenchMeasurement], repetitions: Int) -> String {
        var out = "armsim bench: release build, median of \(repetitions) batches after warm-up, ns per call\n"
        // The name column fits the longest case name, so no name is cut.
        let width = max(19, results.map(\.name.count).max() ?? 0)
        out += "case".padded(to: width) + "   links          ns     ×fk\n"
        var lastLinks = -1
        for r in results {
            if r.links != lastLinks && lastLinks != -1 { out += "\n" }
            lastLinks = r.links
            out += r.name.padded(to: width)
            out += String(cFormat: "%6d  %10.1f  %6.2f\n", r.links, r.nanoseconds, r.ratioToFK)
        }
        return out
    }

    static func json(_ results: [BenchMeasurement]) -> String {
        let items = results.map { r in
            "{\"name\":\"\(r.name)\",\"links\":\(r.links),\"ns\":\(r.nanoseconds),\"ratio_to_fk\":\(r.ratioToFK)}"
        }
        return "[" + items.joined(separator: ",") + "]"
    }
}
