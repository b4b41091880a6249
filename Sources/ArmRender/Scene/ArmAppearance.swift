import ArmKit

/// How the arm looks on a frame: a colour and, when something is wrong, a label. In order of precedence:
/// a failed solve, a singularity (interior, boundary), an unreachable target, a joint limit, a stall.
enum ArmAppearance: Sendable, Equatable, CaseIterable {
    case tracking
    case boundarySingular
    case interiorSingular
    case unreachable
    case limited
    case stalled
    case failed

    init(_ frame: Frame) {
        if frame.status == .failed { self = .failed; return }
        if frame.singular || frame.singularity != .none {
            self = frame.singularity == .boundary ? .boundarySingular : .interiorSingular
            return
        }
        switch frame.status {
        case .unreachable: self = .unreachable
        case .limited: self = .limited
        case .stalled: self = .stalled
        case .converged, .failed: self = .tracking
        }
    }

    var color: RGBA {
        switch self {
        case .tracking: Palette.armTracking
        case .boundarySingular: Palette.armBoundary
        case .interiorSingular: Palette.armInterior
        case .unreachable: Palette.armUnreachable
        case .limited: Palette.armLimited
        case .stalled: Palette.armStalled
        case .failed: Palette.armFailed
        }
    }

    /// Badges shown for a frame: the singularity and the solve status, each in its own colour.
    static func badges(for frame: Frame) -> [(text: String, color: RGBA)] {
        var out: [(String, RGBA)] = []
        switch frame.singularity {
        case .boundary: out.append(("BOUNDARY SINGULARITY", Palette.armBoundary))
        case .interior: out.append(("INTERIOR SINGULARITY", Palette.armInterior))
        case .none: if frame.singular { out.append(("SINGULAR", Palette.armInterior)) }
        }
        switch frame.status {
        case .unreachable: out.append(("TARGET UNREACHABLE", Palette.armUnreachable))
        case .limited: out.append(("JOINT LIMIT", Palette.armLimited))
        case .stalled: out.append(("STALLED", Palette.armStalled))
        case .failed: out.append(("SOLVER FAILED", Palette.armFailed))
        case .converged: break
        }
        return out
    }
}
