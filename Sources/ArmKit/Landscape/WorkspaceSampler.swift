import Dispatch

/// Samples joint space uniformly (within the joint limits, else −π…π), bins each sample's tip into a
/// `WorkspaceMap` and keeps the best metric per cell. Samples come in fixed chunks of `chunkSize`, chunk c
/// drawn from its own SplitMix64 seeded from (seed, c), and partial maps merge by max or integer sum, so
/// the map is bit-identical whatever the number of workers.
public struct WorkspaceSampler: Sendable {
    public let arm: PlanarArm
    public var metric: WorkspaceMetric = .manipulability
    public var samples = 1_000_000
    public var seed: UInt64 = 1
    public var resolution = 256
    public static let chunkSize = 16_384

    public init(arm: PlanarArm) { self.arm = arm }

    /// The square the map covers: the reach plus 4% (and at least a millimetre).
    public var halfWidth: Double { Swift.max(1e-3, arm.reach * 1.04) }

    /// Runs on `workers` threads (the caller knows the core count; ArmKit asks the system nothing).
    public func run(workers: Int) -> WorkspaceMap {
        precondition(samples >= 1 && resolution >= 1)
        let chunks = (samples + Self.chunkSize - 1) / Self.chunkSize
        let w = Swift.max(1, Swift.min(workers, chunks))
        let partials = PartialMaps(count: w)
        DispatchQueue.concurrentPerform(iterations: w) { worker in
            var map = emptyMap()
            for c in stride(from: worker, to: chunks, by: w) { sampleChunk(c, into: &map) }
            partials.store(map, at: worker)
        }
        var result = emptyMap()
        for map in partials.maps { if let map { result.merge(map) } }
        return result
    }

    func emptyMap() -> WorkspaceMap {
        WorkspaceMap(metric: metric, resolution: resolution, center: arm.base, halfWidth: halfWidth, samples: samples)
    }

    /// One chunk: draw q, then one backward pass of suffix sums r_k = tip − p_k gives the tip and J Jᵀ.
    func sampleChunk(_ c: Int, into map: inout WorkspaceMap) {
        var rng = SplitMix64(seed: seed ^ (UInt64(c) &* 0xD1B5_4A32_D192_ED03))
        let n = arm.jointCount
        let start = c * Self.chunkSize, end = Swift.min(samples, start + Self.chunkSize)
        // Per joint: lower limit, span, length; then the link vectors of the current sample.
        var scratch = [Double](repeating: 0, count: 5 * n)
        for k in 0..<n {
            scratch[k] = arm.limits?[k].lower ?? -Double.pi
            scratch[n + k] = (arm.limits?[k].upper ?? Double.pi) - scratch[k]
            scratch[2 * n + k] = arm.links[k]
        }
        let metric = self.metric, base = arm.base, resolution = map.resolution
        let cellScale = Double(resolution) / (2 * map.halfWidth)
        let originX = base.x - map.halfWidth, originY = base.y - map.halfWidth
        scratch.withUnsafeMutableBufferPointer { w in
            map.cells.withUnsafeMutableBufferPointer { cells in
                for _ in start..<end {
                    var theta = 0.0
                    for k in 0..<n {
                        theta += w[k] + w[n + k] * Double(rng.next() >> 11) * 0x1p-53
                        let (s, co) = Double.sincos(theta)
                        w[3 * n + k] = w[2 * n + k] * co; w[4 * n + k] = w[2 * n + k] * s
                    }
                    var rx = 0.0, ry = 0.0, a = 0.0, b = 0.0, cc = 0.0
                    for k in stride(from: n - 1, through: 0, by: -1) {
                        rx += w[3 * n + k]; ry += w[4 * n + k]
                        a += ry * ry; b += rx * rx; cc -= rx * ry
                    }
                    let fx = (base.x + rx - originX) * cellScale, fy = (base.y + ry - originY) * cellScale
                    guard fx >= 0, fy >= 0, fx < Double(resolution), fy < Double(resolution) else { continue }
                    let i = Int(fy) * resolution + Int(fx)
                    let v = metric.value(a: a, b: b, c: cc)
                    let old = cells[i]
                    cells[i] = old < 0 ? v : metric == .reachCount ? old + v : Swift.max(old, v)
                }
            }
        }
    }
}
