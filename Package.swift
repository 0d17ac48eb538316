// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "etude",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "etude", targets: ["etude"]),
        .library(name: "EtudeCore", targets: ["EtudeCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The system library libcmark-gfm (Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "EtudeCore",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // The theme and the starter project are compiled in (`make theme` generates their Swift files).
            exclude: ["Resources"]
        ),
        // `etude serve`: the preview server and watcher, apart so that only it links FlyingFox.
        .target(
            name: "EtudeServe",
            dependencies: [
                "EtudeCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "etude",
            dependencies: [
                "EtudeCore",
                "EtudeServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "EtudeCoreTests",
            dependencies: ["EtudeCore", "EtudeServe"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
