import ArmKit
import Testing
@testable import ArmRender

@Suite struct ViewportTests {
    let arm = try! PlanarArm(links: [1.0, 0.8, 0.5], base: Point2D(x: 0.4, y: -0.2))

    @Test(arguments: [(1280, 800), (800, 1280), (640, 640), (333, 217)])
    func fitsTheWorkspace(width: Int, height: Int) {
        let vp = Viewport(arm: arm, pixelWidth: width, pixelHeight: height)
        let r = arm.reach
        for (dx, dy) in [(r, 0.0), (-r, 0.0), (0.0, r), (0.0, -r)] {
            let p = vp.pixel(Point2D(x: arm.base.x + dx, y: arm.base.y + dy))
            #expect(p.x >= 0 && p.x <= Double(width) && p.y >= 0 && p.y <= Double(height))
        }
        // The workspace fills most of the smaller side (margin + padding only).
        let diameter = vp.pixels(2 * r)
        #expect(diameter > 0.8 * Double(min(width, height)))
        #expect(diameter < Double(min(width, height)))
        // The base is in the middle.
        let c = vp.pixel(arm.base)
        #expect(abs(c.x - Double(width) / 2) < 1e-9 && abs(c.y - Double(height) / 2) < 1e-9)
    }

    @Test func preservesAspectAndPointsYUp() {
        let vp = Viewport(arm: arm, pixelWidth: 1280, pixelHeight: 800)
        let b = vp.pixel(arm.base)
        let right = vp.pixel(Point2D(x: arm.base.x + 1, y: arm.base.y))
        let up = vp.pixel(Point2D(x: arm.base.x, y: arm.base.y + 1))
        #expect(abs((right.x - b.x) - (b.y - up.y)) < 1e-9)  // 1 m is the same number of pixels both ways
        #expect(up.y < b.y)  // y up in the world is up the screen
        #expect(right.x > b.x)
        #expect(abs(right.y - b.y) < 1e-12 && abs(up.x - b.x) < 1e-12)
    }

    @Test func roundTripsPixelsAndWorld() {
        let vp = Viewport(arm: arm, pixelWidth: 1024, pixelHeight: 700)
        for p in [Point2D(x: 0, y: 0), Point2D(x: 1.3, y: -0.7), Point2D(x: -2.1, y: 2.2)] {
            let back = vp.world(vp.pixel(p))
            #expect(abs(back.x - p.x) < 1e-12 && abs(back.y - p.y) < 1e-12)
        }
        for q in [PixelPoint(x: 0, y: 0), PixelPoint(x: 512.5, y: 11.25), PixelPoint(x: 1023, y: 699)] {
            let back = vp.pixel(vp.world(q))
            #expect(abs(back.x - q.x) < 1e-9 && abs(back.y - q.y) < 1e-9)
        }
    }

    @Test func fitsAnExplicitRectangle() {
        let world = WorldRect(minX: -1, minY: 0, maxX: 3, maxY: 1)  // 4 × 1 m
        let vp = Viewport(fitting: world, pixelWidth: 400, pixelHeight: 400, margin: 0)
        #expect(vp.scale == 100)  // the width limits
        let a = vp.pixel(Point2D(x: -1, y: 0)), b = vp.pixel(Point2D(x: 3, y: 1))
        #expect(abs(a.x) < 1e-9 && abs(b.x - 400) < 1e-9)
        #expect(abs((a.y - b.y) - 100) < 1e-9)
    }

    @Test func keepsAPathBeyondReachInView() {
        let far = Point2D(x: arm.base.x + 2 * arm.reach, y: arm.base.y)
        let vp = Viewport(arm: arm, extraPoints: [far], pixelWidth: 1280, pixelHeight: 800)
        let p = vp.pixel(far)
        #expect(p.x > 0 && p.x < 1280)
    }

    @Test func followsAResize() {
        let small = Viewport(arm: arm, pixelWidth: 640, pixelHeight: 400)
        let big = Viewport(arm: arm, pixelWidth: 1280, pixelHeight: 800)
        #expect(abs(big.scale / small.scale - 2) < 1e-9)
    }

    @Test func niceStepsAreOneTwoOrFive() {
        let vp = Viewport(arm: arm, pixelWidth: 1280, pixelHeight: 800)
        for target in [13.0, 50, 90, 110, 400] {
            let step = vp.niceStep(targetPixels: target)
            var m = step
            while m >= 10 { m /= 10 }
            while m < 1 { m *= 10 }
            #expect([1.0, 2, 5].contains { abs($0 - m) < 1e-9 })
            let px = vp.pixels(step)
            #expect(px > target / 2.5 && px < target * 2.5)
        }
    }
}
