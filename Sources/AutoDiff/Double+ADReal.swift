#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CMathShim

/// libm under names that do not collide with `ADReal`'s static requirements.
@usableFromInline enum LibM {
    @inlinable static func sin(_ x: Double) -> Double { _sin(x) }
    @inlinable static func cos(_ x: Double) -> Double { _cos(x) }
    @inlinable static func tan(_ x: Double) -> Double { _tan(x) }
    @inlinable static func exp(_ x: Double) -> Double { _exp(x) }
    @inlinable static func log(_ x: Double) -> Double { _log(x) }
    @inlinable static func atan2(_ y: Double, _ x: Double) -> Double { _atan2(y, x) }
    @inlinable static func pow(_ x: Double, _ y: Double) -> Double { _pow(x, y) }
}
@inlinable func _sin(_ x: Double) -> Double { sin(x) }
@inlinable func _cos(_ x: Double) -> Double { cos(x) }
@inlinable func _tan(_ x: Double) -> Double { tan(x) }
@inlinable func _exp(_ x: Double) -> Double { exp(x) }
@inlinable func _log(_ x: Double) -> Double { log(x) }
@inlinable func _atan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
@inlinable func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

extension Double: ADReal {
    @inlinable public var primal: Double { self }
    @inlinable public func addingProduct(_ k: Double, _ b: Double) -> Double { self + k * b }
    @inlinable public func scaledKeepingZeros(by k: Double) -> Double { self == 0 ? 0 : self * k }

    @inlinable public static func sin(_ x: Double) -> Double { LibM.sin(x) }
    @inlinable public static func cos(_ x: Double) -> Double { LibM.cos(x) }
    @inlinable public static func sincos(_ x: Double) -> (sin: Double, cos: Double) {
        var s = 0.0, c = 0.0
        armsim_sincos(x, &s, &c)
        return (s, c)
    }
    @inlinable public static func tan(_ x: Double) -> Double { LibM.tan(x) }
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inlinable public static func exp(_ x: Double) -> Double { LibM.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { LibM.log(x) }
    @inlinable public static func atan2(y: Double, x: Double) -> Double { LibM.atan2(y, x) }
    @inlinable public static func pow(_ x: Double, _ p: Double) -> Double { LibM.pow(x, p) }
    @inlinable public static func abs(_ x: Double) -> Double { Swift.abs(x) }
}
