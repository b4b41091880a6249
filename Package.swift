// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "armsim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "armsim", targets: ["armsim"]),
        .library(name: "AutoDiff", targets: ["AutoDiff"]),
        .library(name: "ArmKit", targets: ["ArmKit"]),
        .library(name: "ArmIO", targets: ["ArmIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
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
        .executableTarget(
            name: "armsim",
            dependencies: [
                "ArmKit", "ArmIO", "ArmRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Swift's runtime and Foundation linked in: start-up without ~15 shared libraries (docs/performance.md).
            linkerSettings: [
                // Foundation's own libraries as one group: the modules' autolink entries name only the shared
                // Foundation, whose static parts (and ICU) depend on each other in a cycle.
                .unsafeFlags(["-static-stdlib"] + ["--start-group", "-lFoundation", "-lFoundationInternationalization",
                                                     "-l_FoundationICU", "-lFoundationEssentials", "-lCoreFoundation",
                                                     "-l_FoundationCShims", "-l_FoundationCollections",
                                                     "-lswiftSynchronization", "--end-group", "-lstdc++"]
                                                    .flatMap { ["-Xlinker", $0] },
                             .when(configuration: .release)),
            ]
        ),
        .testTarget(name: "AutoDiffTests", dependencies: ["AutoDiff"]),
        .testTarget(name: "ArmKitTests", dependencies: ["ArmKit", "AutoDiff"]),
        .testTarget(name: "ArmIOTests", dependencies: ["ArmIO", "ArmKit"]),
        .testTarget(name: "ArmRenderTests", dependencies: ["ArmRender", "ArmKit"]),
        .testTarget(name: "armsimTests", dependencies: ["ArmKit", "ArmIO", "armsim"]),
    ],
    swiftLanguageModes: [.v6]
)
