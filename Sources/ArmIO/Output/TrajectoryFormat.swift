import ArmKit
/// How `TrajectoryWriter` lays out frames; the raw values are the CLI's spellings (`--format csv|jsonl`).
public enum TrajectoryFormat: String, Sendable, Equatable, CaseIterable {
    /// Comma-separated values with one header line, one row per frame.
    case csv
    /// JSON Lines: one JSON object per frame and line, no header.
    case jsonl

    /// The format a file name implies (`.csv`; `.jsonl`, `.ndjson`, `.json`), or nil for any other name.
    public static func inferred(fromPath path: String) -> TrajectoryFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "csv": return .csv
        case "jsonl", "ndjson", "json": return .jsonl
        default: return nil
        }
    }
}
