/// A map ℝⁿ → ℝᵐ written once, generic over the scalar, so every AD mode can evaluate it.
public protocol DifferentiableMap {
    func callAsFunction<T: ADReal>(_ x: [T]) -> [T]
}

/// A scalar function ℝⁿ → ℝ written once, generic over the scalar.
public protocol DifferentiableScalarFunction {
    func callAsFunction<T: ADReal>(_ x: [T]) -> T
}
