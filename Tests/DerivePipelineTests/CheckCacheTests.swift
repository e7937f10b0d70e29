import DeriveCache
import DeriveCheck
@testable import DeriveDriver
import DerivePipeline
import DeriveTangle
import Foundation
import Testing

/// Check results are kept under the digest of everything the notes' code depends on.
@Suite("The check cache: results reused only for the same code and the same runtime")
struct CheckCacheTests {
    private static let result = Data(#"{"diagnostics":[],"reports":{"derivations":[],"trainings":[]},"tests":3,"failedTests":0,"log":"ok"}"#.utf8)

    /// A throwaway Derive package with one runtime file, and a cache file beside it.
    private func folders() throws -> (package: URL, cache: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-check-cache-\(UUID().uuidString)")
        let runtime = root.appendingPathComponent("Derive/Sources/DeriveRuntime")
        try FileManager.default.createDirectory(at: runtime, withIntermediateDirectories: true)
        try Data("public let one = 1\n".utf8).write(to: runtime.appendingPathComponent("Matrix.swift"))
        return (root.appendingPathComponent("Derive"), root.appendingPathComponent("cache/checks"))
    }

    private let tangled = [TangledNote(notePath: "Notes/01-a.md", fileName: "01-a.swift", moduleSource: "let a = 1\n", testSource: "@Test func t() {}\n")]

    @Test func aRunIsReusedUntilTheNotesCodeOrTheRuntimeChanges() throws {
        let (package, cacheFile) = try folders()
        defer { try? FileManager.default.removeItem(at: package.deletingLastPathComponent()) }
        let result = try JSONDecoder().decode(CheckRunner.Result.self, from: Self.result)
        let before = Date()
        StoredCheckResults(file: CacheFile(url: cacheFile)).keep(result, for: tangled, derivePackage: package)

        let cache = StoredCheckResults(file: CacheFile(url: cacheFile))
        let found = try #require(cache.results(for: tangled, derivePackage: package))
        #expect(found.result.tests == 3 && found.result.log == "ok")
        #expect(found.produced >= before.addingTimeInterval(-1) && found.produced <= Date())

        var edited = tangled
        edited[0].testSource += "// one more line\n"
        #expect(cache.results(for: edited, derivePackage: package) == nil)

        try Data("public let one = 2\n".utf8).write(to: package.appendingPathComponent("Sources/DeriveRuntime/Matrix.swift"))
        #expect(StoredCheckResults(file: CacheFile(url: cacheFile)).results(for: tangled, derivePackage: package) == nil)
    }
}
