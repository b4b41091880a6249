// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "armsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "armsim", targets: ["armsim"]),
        .executable(name: "armsim-draw", targets: ["armsim-draw"]),
        .library(name: "AutoDiff", targets: ["AutoDiff"]),
        .library(name: "ArmKit", targets: ["ArmKit"]),
        .library(name: "ArmIO", targets: ["ArmIO"]),
    ],
    targets: [
        // glibc's sincos, which Swift's Glibc overlay does not export.
        .target(name: "CMathShim"),
        .target(name: "AutoDiff", dependencies: ["CMathShim"]),
        .target(name: "ArmKit", dependencies: ["AutoDiff"]),
        // Files and streams: the scenario parser and decoder, trajectory writers, atomic output files.
        .target(name: "ArmIO", dependencies: ["ArmKit"]),
        // SDL's headers only (scripts/setup installs them): nothing is linked, see SDLLoader.
        .systemLibrary(
            name: "CSDL2",
            providers: [.apt(["libsdl2-dev", "libsdl2-ttf-dev", "libsdl2-image-dev", "libsdl2-gfx-dev"])]
        ),
        // SDL opened with dlopen when drawing starts, so headless commands never load the media stack.
        .target(name: "SDLLoader", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "ArmRender", dependencies: ["ArmKit", "CSDL2", "SDLLoader"]),
        // The command line: subcommands, argument scanning, the headless pipeline, reports, benchmarks.
        .target(name: "ArmCLI", dependencies: ["ArmKit", "ArmIO", "ArmRender"]),
        // Static in release: no dynamic loader at start-up (about half a hello-world's time). It hands drawing
        // commands to armsim-draw (a static process cannot dlopen SDL), so it depends on it: `swift run armsim`
        // builds both. docs/performance.md has the figures.
        .executableTarget(
            name: "armsim",
            dependencies: ["ArmCLI", "armsim-draw"],
            linkerSettings: [.unsafeFlags(["-static-executable"], .when(configuration: .release))]
        ),
        // Draws: the Swift runtime linked in, SDL opened with dlopen when drawing starts.
        .executableTarget(
            name: "armsim-draw",
            dependencies: ["ArmCLI"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(name: "AutoDiffTests", dependencies: ["AutoDiff"]),
        .testTarget(name: "ArmKitTests", dependencies: ["ArmKit", "AutoDiff"]),
        .testTarget(name: "ArmIOTests", dependencies: ["ArmIO", "ArmKit"]),
        .testTarget(name: "ArmRenderTests", dependencies: ["ArmRender", "ArmKit"]),
        .testTarget(name: "armsimTests", dependencies: ["ArmKit", "ArmIO", "armsim", "armsim-draw"]),
    ],
    swiftLanguageModes: [.v6]
)
