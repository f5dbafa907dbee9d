// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "AsyncStatusConformance",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "conformance", targets: ["conformance"]),
        /// What another package adds to run these cases against its own server or mock.
        .library(name: "ConformanceTesting", targets: ["ConformanceTesting"]),
        /// The reference server, for a package that wants it as a mock in its own tests.
        .library(name: "ReferenceServer", targets: ["ReferenceServer"]),
    ],
    traits: [
        .trait(
            name: "EmbeddedReferenceServer",
            description:
                "Builds the reference server into ConformanceTesting as the target used when no config names one. "
                + "A package that only tests its own server depends with `traits: []` and builds no server (no Hummingbird)."
        ),
        .default(enabledTraits: ["EmbeddedReferenceServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client.git", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "ConformanceModel"),
        .target(
            name: "SigV4",
            dependencies: ["ConformanceModel", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "ConformanceEngine",
            dependencies: [
                "ConformanceModel", "CLibXML2", "SigV4",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(
            name: "ReferenceServer",
            dependencies: [
                "ConformanceModel", "SigV4",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        /// The embedded default target (the reference server behind the engine's `EmbeddedServerLauncher`), for the CLI and,
        /// with the `EmbeddedReferenceServer` trait, for ConformanceTesting.
        .target(
            name: "EmbeddedTarget",
            dependencies: ["ConformanceEngine", "ConformanceModel", "ReferenceServer"]
        ),
        /// The public face for other packages: parameterized Swift Testing cases against any target.
        .target(
            name: "ConformanceTesting",
            dependencies: [
                "ConformanceEngine", "ConformanceModel",
                .target(name: "EmbeddedTarget", condition: .when(traits: ["EmbeddedReferenceServer"])),
            ]
        ),
        .executableTarget(
            name: "conformance",
            dependencies: [
                "ConformanceEngine", "EmbeddedTarget", "ReferenceServer", "ConformanceModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// The profiles and the JUnit schema every test target reads (not a product).
        .target(name: "TestFixtures", dependencies: ["ConformanceModel"], path: "Tests/TestFixtures"),
        .testTarget(name: "ConformanceModelTests", dependencies: ["ConformanceModel", "TestFixtures"]),
        .testTarget(
            name: "SigV4Tests",
            dependencies: ["SigV4"],
            exclude: ["Vectors/make_sigv4_vectors.py", "Vectors/sigv4-vectors.json"]
        ),
        /// Derivation, validation and reporting, without a server.
        .testTarget(
            name: "ConformanceEngineTests",
            dependencies: [
                "ConformanceEngine", "CLibXML2", "TestFixtures", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// Whole runs of the engine against the reference server in every defect and variation mode.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["ConformanceEngine", "EmbeddedTarget", "ReferenceServer", "SigV4", "TestFixtures"]
        ),
        .testTarget(
            name: "ReferenceServerTests",
            dependencies: [
                "ReferenceServer", "SigV4",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "ConformanceTestingTests", dependencies: ["ConformanceTesting", "ConformanceEngine"]),
        /// The suite users run; it uses nothing but the ConformanceTesting product.
        .testTarget(name: "ConformanceSuite", dependencies: ["ConformanceTesting"]),
    ]
)

/// Speed figures (`Benchmarks/run.py` builds and runs it): the suite against a plain client loop. Only with
/// `CONFORMANCE_BENCHMARK=1` in the environment: `swift build`, `swift test` and a package that depends on this one
/// never build it (it needs the engine's package-level types, so it cannot be a package of its own, as
/// hummingbird's benchmarks are).
if Context.environment["CONFORMANCE_BENCHMARK"] == "1" {
    package.targets.append(
        .executableTarget(
            name: "conformance-bench",
            dependencies: [
                "ConformanceEngine", "ConformanceModel", "ReferenceServer",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Benchmarks/ConformanceBench"
        ))
}
