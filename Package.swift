// swift-tools-version: 6.1
// Derive: Markdown notes that derive backpropagation, tangled into a tested Swift module
// and woven into a static site. The targets follow the pipeline
//   parse (DeriveMarkdown) -> tangle (DeriveTangle) -> check (DeriveCheck) -> weave (DeriveWeave)
// with the note model in DeriveCore and the notes' own runtime in DeriveRuntime.
import PackageDescription

let package = Package(
    name: "Derive",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "derive", targets: ["derive"]),
        .library(name: "DeriveRuntime", targets: ["DeriveRuntime"]),
        .plugin(name: "TangleNotes", targets: ["TangleNotes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // The model every stage shares: notes, blocks, locations, diagnostics. No dependencies.
        .target(name: "DeriveCore"),

        // cmark, the CommonMark reference parser, from Debian's libcmark-dev.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Parse: front matter, math protection, cmark -> Note.
        .target(
            name: "DeriveMarkdown",
            dependencies: ["DeriveCore", "CCmark", .product(name: "Yams", package: "Yams")]
        ),
        // Tangle: Note -> Swift sources with #sourceLocation.
        .target(name: "DeriveTangle", dependencies: ["DeriveCore"]),
        // Check: run the tangled notes' tests and collect the derivation reports.
        .target(name: "DeriveCheck", dependencies: ["DeriveCore"]),
        // Weave: Note -> HTML pages (KaTeX, swift-syntax highlighting, Mustache templates).
        .target(
            name: "DeriveWeave",
            dependencies: [
                "DeriveCore",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),

        // The small numerical library the notes' code uses: Matrix, seeded RNG, derivation checks.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS's CBLAS interface for the matrix product, from Debian's libopenblas-dev.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Optimized even in debug builds: the notes train networks inside `swift test`, and an
        // unoptimized runtime makes an epoch of Fashion-MNIST take 25 s instead of 2 s.
        .target(
            name: "DeriveRuntime",
            dependencies: ["DeriveCore", "CZlib", "CBLAS"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]
        ),

        // The command-line tool, one file per subcommand.
        .executableTarget(
            name: "derive",
            dependencies: [
                "DeriveCore", "DeriveMarkdown", "DeriveTangle", "DeriveCheck", "DeriveWeave",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The small tool the build plugin runs: no weave dependencies, so it builds fast.
        .executableTarget(name: "derive-tangle", dependencies: ["DeriveMarkdown", "DeriveTangle"]),
        .plugin(name: "TangleNotes", capability: .buildTool(), dependencies: ["derive-tangle"]),

        // The notes in Notes/, tangled by the plugin. Sources/Notes/Notes is a link to Notes/, so
        // that SwiftPM replans (and sees a new, renamed or deleted note) whenever Notes/ changes.
        .target(
            name: "Notes",
            dependencies: ["DeriveRuntime"],
            resources: [.copy("Notes")],
            plugins: ["TangleNotes"]
        ),
        .testTarget(name: "NotesTests", dependencies: ["Notes", "DeriveRuntime"], plugins: ["TangleNotes"]),
        // Note 04's training run, as a command: `swift run -c release train-fashion-mnist`.
        .executableTarget(
            name: "train-fashion-mnist",
            dependencies: ["Notes", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),

        .testTarget(name: "DeriveMarkdownTests", dependencies: ["DeriveMarkdown"]),
        .testTarget(name: "DeriveTangleTests", dependencies: ["DeriveTangle", "DeriveMarkdown"]),
        .testTarget(name: "DeriveCheckTests", dependencies: ["DeriveCheck"]),
        .testTarget(name: "DeriveRuntimeTests", dependencies: ["DeriveRuntime", "CZlib"]),
        .testTarget(name: "DeriveWeaveTests", dependencies: ["DeriveWeave", "DeriveMarkdown"]),
        .testTarget(name: "EndToEndTests", dependencies: ["derive"]),
    ]
)
