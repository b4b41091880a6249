import ArmKit
#if canImport(Glibc)
import Glibc
#endif

/// Joint mode (key J), the other half of a teach pendant: drag a link to turn its joint within its limits;
/// forward kinematics, σ and the singularity follow live. No IK solve runs, and the recorded run is untouched:
/// leaving joint mode shows the run's frame again.
extension WindowSession {
    func toggleJointMode() {
        status.jointMode.toggle()
        jointGrab = nil
        status.grabbedJoint = nil
        if status.jointMode {
            status.paused = true
            dragTarget = nil
            status.dragging = false
            frameBeforeJointMode = frame
        } else if let f = frameBeforeJointMode {
            frame = f   // the excursion leaves no trace: the run (or the interactive arm) is where it was
            frameBeforeJointMode = nil
        }
        dirty = true
    }

    /// Grabs the link nearest the press (within its drawn width plus a margin): its joint turns with the mouse.
    func grabLink(x: Double, y: Double) {
        let p = pixel(x: x, y: y)
        let positions = scenario.arm.jointPositions(frame.q).map { scene.viewport.pixel($0) }
        var best: (joint: Int, distance: Double)?
        for i in 0..<(positions.count - 1) {
            let d = Self.distance(p, toSegment: positions[i], positions[i + 1])
            if d < (best?.distance ?? .infinity) { best = (i, d) }
        }
        guard let best, best.distance <= scene.linkRadius + 10 * scene.uiScale else { return }
        let pivot = scenario.arm.jointPositions(frame.q)[best.joint], m = worldPoint(x: x, y: y)
        jointGrab = (best.joint, atan2(m.y - pivot.y, m.x - pivot.x), frame.q[best.joint])
        status.grabbedJoint = best.joint
    }

    /// Sets the grabbed joint to its angle at the grab plus the mouse's turn about the joint, clamped.
    func turnJoint(x: Double, y: Double) {
        guard let grab = jointGrab else { return }
        let pivot = scenario.arm.jointPositions(frame.q)[grab.joint], m = worldPoint(x: x, y: y)
        let turn = Angle.wrapped(atan2(m.y - pivot.y, m.x - pivot.x) - grab.mouseAngle)
        var q = frame.q
        q[grab.joint] = grab.q + turn
        if let limits = scenario.arm.limits { q[grab.joint] = limits[grab.joint].clamp(q[grab.joint]) }
        frame = Self.teachFrame(scenario: scenario, q: q, like: frame)
        dirty = true
    }

    /// A frame for a configuration set by hand: FK, the Jacobian's σ and singularity, the error to the target.
    static func teachFrame(scenario: Scenario, q: [Double], like f: Frame) -> Frame {
        let arm = scenario.arm, tip = arm.tip(q)
        let a = SingularityAnalysis(arm: arm, q: q, task: scenario.task, threshold: scenario.solver.singularThreshold(for: arm))
        var e2 = (f.target.x - tip.x) * (f.target.x - tip.x) + (f.target.y - tip.y) * (f.target.y - tip.y)
        if scenario.task == .pose { let dphi = Angle.wrapped(f.target.phi - tip.phi); e2 += dphi * dphi }
        return Frame(index: f.index, t: f.t, target: f.target, q: q, tip: tip, error: e2.squareRoot(),
                     sigmaMin: a.sigmaMin, manipulability: a.manipulability, damping: 0, iterations: 0,
                     singular: a.singular, singularity: a.kind, status: .converged)
    }

    static func distance(_ p: PixelPoint, toSegment a: PixelPoint, _ b: PixelPoint) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy
        let t = len2 > 0 ? min(max(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0), 1) : 0
        let cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y
        return (cx * cx + cy * cy).squareRoot()
    }
}
