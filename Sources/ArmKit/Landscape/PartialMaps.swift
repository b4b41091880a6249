import Dispatch

/// Per-worker results, each slot written by one worker only (hence the unchecked Sendable).
final class PartialMaps: @unchecked Sendable {
    private(set) var maps: [WorkspaceMap?]
    private let lock = DispatchSemaphore(value: 1)
    init(count: Int) { maps = Array(repeating: nil, count: count) }
    func store(_ map: WorkspaceMap, at i: Int) { lock.wait(); maps[i] = map; lock.signal() }
}
