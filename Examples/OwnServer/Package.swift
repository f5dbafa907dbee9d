// swift-tools-version:6.1
import PackageDescription

/// A package that tests its own server with the suite, as README "Testing your own server" says: the suite without
/// its embedded reference server (`traits: []`), so nothing of Hummingbird is built. `.ci/consumer-check` builds it.
let package = Package(
    name: "OwnServer",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "AsyncStatusConformance", path: "../..", traits: [])
    ],
    targets: [
        .testTarget(
            name: "OwnServerConformance",
            dependencies: [.product(name: "ConformanceTesting", package: "AsyncStatusConformance")]
        )
    ]
)
