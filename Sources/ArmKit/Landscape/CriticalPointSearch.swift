import AutoDiff

/// Finds the critical points of L in a landscape's window: Newton's method on ∇L = 0 (gradient and Hessian by
/// the AD verbs on the two-joint slice) from a square grid of seeds, kept when it converges inside the window,
/// de-duplicated, classified by the restricted 2×2 Hessian. Newton on ∇L = 0 is attracted to saddles and maxima
/// as much as to minima, which is the point: it finds them all.
public struct CriticalPointSearch: Sendable {
    public var seedsPerAxis = 12
    public var maxIterations = 60
    /// Two points closer than this (radians, each coordinate) are one.
    public var duplicateDistance = 1e-6

    public init() {}

    /// Critical points with q[xJoint], q[yJoint] within centre ± range, sorted by x then y.
    public func run(slice: LossSlice, xJoint: Int, yJoint: Int, range: Double) -> [CriticalPoint] {
        let cx = slice.center[xJoint], cy = slice.center[yJoint]
        let xIsLo = xJoint == slice.lo
        let scale = Swift.max(1, slice.arm.reach * slice.arm.reach)
        var found: [CriticalPoint] = []
        for a in 0..<seedsPerAxis {
            for b in 0..<seedsPerAxis {
                // Seeds at cell centres, so none sits exactly on the window's edge.
                let sx = cx - range + 2 * range * (Double(a) + 0.5) / Double(seedsPerAxis)
                let sy = cy - range + 2 * range * (Double(b) + 0.5) / Double(seedsPerAxis)
                guard let p = newton(slice, start: (sx, sy), xIsLo: xIsLo, scale: scale) else { continue }
                guard Swift.abs(p.x - cx) <= range * (1 + 1e-12), Swift.abs(p.y - cy) <= range * (1 + 1e-12) else { continue }
                if !found.contains(where: { Swift.abs($0.x - p.x) < duplicateDistance && Swift.abs($0.y - p.y) < duplicateDistance }) {
                    found.append(p)
                }
            }
        }
        return found.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
    }

    /// Newton from one seed in (x, y) = (q[xJoint], q[yJoint]); nil when it does not converge.
    func newton(_ slice: LossSlice, start: (Double, Double), xIsLo: Bool, scale: Double) -> CriticalPoint? {
        let f = slice.objective
        // The objective's inputs are (q[lo], q[hi]); the picture's are (q[x], q[y]).
        func lohi(_ x: Double, _ y: Double) -> [Double] { xIsLo ? [x, y] : [y, x] }
        var (x, y) = start
        for _ in 0..<maxIterations {
            let point = lohi(x, y)
            let g = gradient(f, at: point), h = hessian(f, at: point)
            let gx = xIsLo ? g[0] : g[1], gy = xIsLo ? g[1] : g[0]
            let hxx = xIsLo ? h[0, 0] : h[1, 1], hyy = xIsLo ? h[1, 1] : h[0, 0], hxy = h[0, 1]
            let gnorm = (gx * gx + gy * gy).squareRoot()
            if gnorm <= 1e-11 * scale {
                let l = symmetricEigenvalues2x2(hxx, hxy, hyy)
                let loss = f(point)
                return CriticalPoint(x: x, y: y, loss: loss, gradientNorm: gnorm, eigenvalues: l)
            }
            let det = hxx * hyy - hxy * hxy
            guard Swift.abs(det) > 1e-14 * scale * scale else { return nil }
            var dx = -(hyy * gx - hxy * gy) / det, dy = -(hxx * gy - hxy * gx) / det
            // Keep each step under a radian: a Newton step across the whole window is a jump to another basin.
            let len = (dx * dx + dy * dy).squareRoot()
            if len > 1 { dx /= len; dy /= len }
            guard dx.isFinite, dy.isFinite else { return nil }
            x += dx; y += dy
        }
        return nil
    }
}
