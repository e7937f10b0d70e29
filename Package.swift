// swift-tools-version: 6.2
// Derive: Markdown notes that derive backpropagation, tangled into a tested Swift module
// and woven into a static site. One module per stage of the pipeline
//   load -> parse (DeriveMarkdown) -> resolve (DeriveResolve) -> tangle (DeriveTangle)
//        -> check (DeriveCheck) -> weave (DeriveWeave)
// with the note model in DeriveCore, the passes and the course value in DerivePipeline (the
// light half, which the build plugin's tool uses), the whole pipeline in DeriveDriver, and the
// notes' own runtime in DeriveRuntime.
import PackageDescription

let package = Package(
    name: "Derive",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "derive", targets: ["derive"]),
        .library(name: "DeriveRuntime", targets: ["DeriveRuntime"]),
        .library(name: "DeriveDriver", targets: ["DeriveDriver"]),
        .plugin(name: "TangleNotes", targets: ["TangleNotes"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Tests only: property-based tests over generated notes (Swift Testing).
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // Resolve: equation numbers, citations, implements= links and chunks, once for tangle and weave.
        .target(name: "DeriveResolve", dependencies: ["DeriveCore"]),
        // Tangle: resolved notes -> Swift sources with #sourceLocation.
        .target(name: "DeriveTangle", dependencies: ["DeriveCore", "DeriveResolve"]),
        // Check: compile the tangled notes in a package of their own, run their tests, read the reports.
        .target(name: "DeriveCheck", dependencies: ["DeriveCore", "DeriveResolve", "DeriveTangle"]),
        // The build cache: content-addressed entries (SHA-256 keys and checksums) kept across builds.
        .target(name: "DeriveCache", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        // Weave: resolved notes -> HTML pages (KaTeX, swift-syntax highlighting, Mustache templates).
        .target(
            name: "DeriveWeave",
            dependencies: [
                "DeriveCore", "DeriveResolve", "DeriveCache",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "SwiftIDEUtils", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
            ],
            resources: [.copy("Templates"), .copy("Assets")]
        ),
        // The pipeline's light half: the course value, derive.yml, the passes up to check, and the
        // one place diagnostics become text. No weave, so the build plugin's tool builds fast.
        .target(
            name: "DerivePipeline",
            dependencies: [
                "DeriveCore", "DeriveMarkdown", "DeriveResolve", "DeriveTangle", "DeriveCheck",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // The whole pipeline: every command's choice of passes, the weave included.
        .target(
            name: "DeriveDriver",
            dependencies: [
                "DerivePipeline", "DeriveTangle", "DeriveWeave", "DeriveCheck", "DeriveCache", .product(name: "Mustache", package: "swift-mustache"),
            ],
            resources: [.copy("CourseTemplate")]
        ),

        // The small numerical library the notes' code uses: Matrix, seeded RNG, derivation checks.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // OpenBLAS's CBLAS interface for the matrix product, from Debian's libopenblas-dev.
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        // Optimized even in debug builds: the notes train networks inside `swift test`, and an
        // unoptimized runtime makes an epoch of Fashion-MNIST many times slower. Frame pointers
        // kept, so that a note's mistake is reported at the note's line that called the runtime
        // (NoteCallSite.swift). (Tools version 6.2 lets a package that depends on Derive by
        // version build it with these flags.)
        .target(
            name: "DeriveRuntime",
            dependencies: ["DeriveCore", "CZlib", "CBLAS"],
            swiftSettings: [
                .unsafeFlags(["-O"], .when(configuration: .debug)),
                .unsafeFlags(["-Xcc", "-fno-omit-frame-pointer"]),
            ]
        ),

        // The command-line tool, one file per subcommand: arguments in, the driver, text out.
        .executableTarget(
            name: "derive",
            dependencies: [
                "DeriveCore", "DeriveResolve", "DeriveTangle", "DerivePipeline", "DeriveDriver",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        // The small tool the build plugin runs: parse, resolve and tangle, no weave dependencies.
        .executableTarget(name: "derive-tangle", dependencies: ["DerivePipeline"]),
        .plugin(name: "TangleNotes", capability: .buildTool(), dependencies: ["derive-tangle"]),

        // The course this repository ships, tangled by the plugin from the notes in Notes/
        // (Sources/Notes/Notes is a link to it, so that SwiftPM replans whenever Notes/ changes).
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

        // Generated notes and courses for the property tests, and a folder-tree comparison.
        .target(
            name: "NoteGenerators",
            dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/NoteGenerators"
        ),
        .testTarget(name: "DeriveCoreTests", dependencies: ["DeriveCore"]),
        .testTarget(name: "DeriveCacheTests", dependencies: ["DeriveCache"]),
        .testTarget(name: "DeriveMarkdownTests", dependencies: ["DeriveMarkdown", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DeriveResolveTests", dependencies: ["DeriveResolve", "DeriveMarkdown"]),
        .testTarget(name: "DeriveTangleTests", dependencies: ["DeriveTangle", "DeriveResolve", "DeriveMarkdown", "NoteGenerators", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DeriveCheckTests", dependencies: ["DeriveCheck"]),
        .testTarget(name: "DerivePipelineTests", dependencies: ["DerivePipeline", "DeriveDriver", "DeriveCache", "DeriveCheck", "DeriveTangle", "NoteGenerators", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "DeriveRuntimeTests", dependencies: ["DeriveRuntime", "CZlib"]),
        .testTarget(name: "DeriveWeaveTests", dependencies: ["DeriveWeave", "DeriveResolve", "DeriveMarkdown", "NoteGenerators", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "EndToEndTests", dependencies: ["derive", "NoteGenerators", .product(name: "PropertyBased", package: "swift-property-based")]),
    ]
)
