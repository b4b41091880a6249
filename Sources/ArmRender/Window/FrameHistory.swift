import ArmKit

/// The newest frames the window showed, for stepping back (←): a ring of fixed capacity.
struct FrameHistory {
    let capacity: Int
    private var frames: [Frame] = []
    private var start = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { frames.count }

    mutating func append(_ frame: Frame) {
        if frames.count < capacity { frames.append(frame) } else { frames[start] = frame; start = (start + 1) % capacity }
    }

    mutating func clear() { frames.removeAll(keepingCapacity: true); start = 0 }

    /// The frame `offset` steps back from the newest (0 is the newest).
    func frame(back offset: Int) -> Frame? {
        guard offset >= 0, offset < frames.count else { return nil }
        return frames[(start + frames.count - 1 - offset) % frames.count]
    }

    /// Oldest first, up to and including the frame `offset` back.
    func frames(upTo offset: Int) -> [Frame] {
        guard offset < frames.count else { return [] }
        return (0..<(frames.count - offset)).map { frames[(start + $0) % frames.count] }
    }
}
