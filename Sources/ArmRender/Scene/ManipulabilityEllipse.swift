import ArmKit

/// The manipulability (velocity) ellipse at the tip, as RTB's `vellipse`: the tip velocities J q̇ reachable
/// with joint speed ‖q̇‖ = `jointSpeed`, so its semi-axes are σ_i·jointSpeed metres along J Jᵀ's eigenvectors.
/// A fixed joint speed (not a per-frame fit) keeps sizes comparable between frames: the ellipse visibly
/// flattens to a line as the arm approaches a singularity.
enum ManipulabilityEllipse {
    /// rad/s; the semi-axes are at most about jointSpeed × reach × √n.
    static let jointSpeed = 0.2
    static let color = RGBA(hex: 0xFDE047)

    /// The outline in world coordinates.
    static func outline(arm: PlanarArm, q: [Double], segments: Int = 96) -> [Point2D] {
        let e = VelocityEllipse(arm: arm, q: q)
        return (0...segments).map { e.point(at: Double($0) / Double(segments) * 2 * .pi, scale: jointSpeed) }
    }
}

extension SceneRenderer {
    /// Strokes the ellipse of `frame` over the scene (after `draw`, before presenting).
    func drawManipulabilityEllipse(_ frame: Frame) {
        let pixels = ManipulabilityEllipse.outline(arm: scenario.arm, q: frame.q).map { viewport.pixel($0) }
        let width = max(1.5, 2 * uiScale)
        canvas.strokePolyline(pixels, width: width + 2, colors: Array(repeating: Palette.armOutline.withAlpha(160), count: pixels.count))
        canvas.strokePolyline(pixels, width: width, colors: Array(repeating: ManipulabilityEllipse.color, count: pixels.count))
        canvas.flush()
    }
}
