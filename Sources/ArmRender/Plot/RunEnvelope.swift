import ArmKit

/// A run's time series reduced to at most `binCapacity` bins in one streaming pass, in memory independent of
/// the number of rows: each bin keeps, per series, the first, last, smallest and largest value of its rows,
/// and the set of statuses and singularity kinds seen. When the bins fill up, neighbours merge pairwise and
/// each bin takes twice as many rows. A plot column then draws its bins' min–max, so no spike is ever lost.
public final class RunEnvelope {
    public let jointCount: Int
    /// Series per row: q0 … q{n-1}, error, sigma_min, damping, iterations.
    public let seriesCount: Int
    public let binCapacity: Int
    public private(set) var rows = 0
    private(set) var rowsPerBin = 1
    private(set) var usedBins = 0
    private(set) var tFirst: [Double], tLast: [Double]
    private(set) var statusMask: [UInt8], singularityMask: [UInt8]
    /// (bin · seriesCount + series) · 4 + {0 first, 1 last, 2 min, 3 max}.
    private(set) var stats: [Double]
    public private(set) var statusCounts = [SolveStatus: Int]()
    /// For an ε the file does not state: the largest σ_min flagged singular, the smallest not flagged.
    public private(set) var largestSingularSigma = -Double.infinity
    public private(set) var smallestRegularSigma = Double.infinity

    public init(jointCount: Int, binCapacity: Int) {
        self.jointCount = jointCount
        seriesCount = jointCount + 4
        self.binCapacity = max(2, binCapacity + binCapacity % 2)
        tFirst = [Double](repeating: .nan, count: self.binCapacity); tLast = tFirst
        statusMask = [UInt8](repeating: 0, count: self.binCapacity); singularityMask = statusMask
        stats = [Double](repeating: .nan, count: self.binCapacity * seriesCount * 4)
        resetStats(from: 0)
    }

    public func add(t: Double, values: UnsafeBufferPointer<Double>, singular: Bool, singularity: SingularityKind,
                    status: SolveStatus) {
        var b = rows / rowsPerBin
        if b >= binCapacity { compact(); b = rows / rowsPerBin }
        if b >= usedBins { usedBins = b + 1; tFirst[b] = t }
        tLast[b] = t
        statusMask[b] |= Self.bit(status)
        if singularity == .boundary { singularityMask[b] |= 1 } else if singularity == .interior || singular { singularityMask[b] |= 2 }
        let base = b * seriesCount * 4
        stats.withUnsafeMutableBufferPointer { s in
            for i in 0..<seriesCount {
                let v = values[i]
                guard v.isFinite else { continue }
                let k = base + i * 4
                if s[k].isNaN { s[k] = v }
                s[k + 1] = v
                if !(s[k + 2] <= v) { s[k + 2] = v }
                if !(s[k + 3] >= v) { s[k + 3] = v }
            }
        }
        statusCounts[status, default: 0] += 1
        let sigma = values[jointCount + 1]
        if sigma.isFinite {
            if singular { largestSingularSigma = max(largestSingularSigma, sigma) } else { smallestRegularSigma = min(smallestRegularSigma, sigma) }
        }
        rows += 1
    }

    /// Merges bins pairwise: 2k and 2k + 1 become k.
    private func compact() {
        let m = seriesCount
        for k in 0..<(binCapacity / 2) {
            let a = 2 * k, b = 2 * k + 1
            tFirst[k] = tFirst[a]; tLast[k] = b < usedBins ? tLast[b] : tLast[a]
            statusMask[k] = statusMask[a] | statusMask[b]; singularityMask[k] = singularityMask[a] | singularityMask[b]
            for i in 0..<m {
                let ka = (a * m + i) * 4, kb = (b * m + i) * 4, out = (k * m + i) * 4
                let first = stats[ka].isNaN ? stats[kb] : stats[ka], last = stats[kb + 1].isNaN ? stats[ka + 1] : stats[kb + 1]
                let lo = Self.finiteMin(stats[ka + 2], stats[kb + 2]), hi = Self.finiteMax(stats[ka + 3], stats[kb + 3])
                stats[out] = first; stats[out + 1] = last; stats[out + 2] = lo; stats[out + 3] = hi
            }
        }
        usedBins = (usedBins + 1) / 2
        rowsPerBin *= 2
        for k in usedBins..<binCapacity { tFirst[k] = .nan; tLast[k] = .nan; statusMask[k] = 0; singularityMask[k] = 0 }
        resetStats(from: usedBins)
    }

    private func resetStats(from bin: Int) {
        for k in (bin * seriesCount * 4)..<stats.count { stats[k] = .nan }
    }

    static func finiteMin(_ a: Double, _ b: Double) -> Double { a.isNaN ? b : b.isNaN ? a : min(a, b) }
    static func finiteMax(_ a: Double, _ b: Double) -> Double { a.isNaN ? b : b.isNaN ? a : max(a, b) }
    static func bit(_ s: SolveStatus) -> UInt8 { 1 << UInt8(SolveStatus.allCases.firstIndex(of: s)!) }

    // MARK: reading

    var bins: Range<Int> { 0..<usedBins }
    func first(_ bin: Int, _ series: Int) -> Double { stats[(bin * seriesCount + series) * 4] }
    func last(_ bin: Int, _ series: Int) -> Double { stats[(bin * seriesCount + series) * 4 + 1] }
    func minimum(_ bin: Int, _ series: Int) -> Double { stats[(bin * seriesCount + series) * 4 + 2] }
    func maximum(_ bin: Int, _ series: Int) -> Double { stats[(bin * seriesCount + series) * 4 + 3] }

    /// The smallest and largest finite value of some series over the run (positive only, for a log axis).
    func range(_ series: [Int], positiveOnly: Bool = false) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for b in bins {
            for s in series {
                let mn = minimum(b, s), mx = maximum(b, s)
                if mx.isFinite, !positiveOnly || mx > 0 { hi = max(hi, mx) }
                if mn.isFinite, !positiveOnly || mn > 0 { lo = min(lo, mn) }
                if positiveOnly, mn.isFinite, mn <= 0, mx > 0 { lo = min(lo, mx) }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    public var timeRange: (Double, Double)? { usedBins > 0 ? (tFirst[0], tLast[usedBins - 1]) : nil }

    /// The statuses seen in a bin, worst first (failed, unreachable, limited, stalled, converged).
    func worstStatus(_ bin: Int) -> SolveStatus? {
        for s in [SolveStatus.failed, .unreachable, .limited, .stalled, .converged] where statusMask[bin] & Self.bit(s) != 0 { return s }
        return nil
    }
}
