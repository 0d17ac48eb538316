// swift-tools-version:6.0
// Compares the two CSV packages of the machine's list on the benchmark export:
// `make bench-csv` (not part of the tests; Étude itself uses yaslab/CSV.swift).
import PackageDescription

let package = Package(
    name: "csv-compare",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(url: "https://github.com/yaslab/CSV.swift", exact: "2.5.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", exact: "0.10.0"),
    ],
    targets: [
        .executableTarget(name: "csv-compare", dependencies: [
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
    ]
)
