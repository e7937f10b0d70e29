// swift-tools-version: 6.1
// Benchmarks for Derive's runtime, in their own package so that the root package's `swift test`
// never builds them. Run from this folder: `swift package benchmark` (see README.md).
import PackageDescription

let package = Package(
    name: "DeriveBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Derive", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // The matrix product at the sizes of a 784-K-10 network, against a naive triple loop.
        .executableTarget(
            name: "MatrixProduct",
            dependencies: [
                .product(name: "DeriveRuntime", package: "Derive"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/MatrixProduct",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
