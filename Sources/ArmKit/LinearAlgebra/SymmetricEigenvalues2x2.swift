/// Eigenvalues of the symmetric 2×2 matrix [[a, b], [b, c]], ascending, without cancellation trouble.
public func symmetricEigenvalues2x2(_ a: Double, _ b: Double, _ c: Double) -> (Double, Double) {
    let mean = 0.5 * (a + c), half = 0.5 * (a - c)
    let r = (half * half + b * b).squareRoot()
    return (mean - r, mean + r)
}
