import DeriveCache
import Foundation
import Testing

@Suite("CacheFolder: a file per entry, damage noticed, unused entries removed")
struct CacheFolderTests {
    private func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("derive-cache-folder-\(UUID().uuidString)")
    }

    @Test func anEntryIsThereInTheNextBuild() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        CacheFolder(url: url).set(Data("a big body".utf8), for: CacheKey("page 1"))
        let next = CacheFolder(url: url)
        #expect(next.value(for: CacheKey("page 1")) == Data("a big body".utf8))
        #expect(next.value(for: CacheKey("page 2")) == nil)
        #expect(next.damage.isEmpty)
        // Only whole entries are left: no temporary file beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == [CacheKey("page 1").hex])
    }

    @Test func aCorruptedOrTruncatedEntryIsReportedOnceAndNotUsed() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let cache = CacheFolder(url: url)
        cache.set(Data(repeating: 7, count: 1000), for: CacheKey("corrupted"))
        cache.set(Data(repeating: 8, count: 1000), for: CacheKey("truncated"))
        let corrupted = url.appendingPathComponent(CacheKey("corrupted").hex)
        var bytes = try Data(contentsOf: corrupted)
        bytes[10] ^= 0xFF
        try bytes.write(to: corrupted)
        let truncated = url.appendingPathComponent(CacheKey("truncated").hex)
        try Data(try Data(contentsOf: truncated).prefix(500)).write(to: truncated)
        try Data([1, 2]).write(to: url.appendingPathComponent(CacheKey("tiny").hex))
        let next = CacheFolder(url: url)
        #expect(next.value(for: CacheKey("corrupted")) == nil)
        #expect(next.value(for: CacheKey("corrupted")) == nil)
        #expect(next.value(for: CacheKey("truncated")) == nil)
        #expect(next.value(for: CacheKey("tiny")) == nil)
        #expect(next.damage.count == 3)
        #expect(next.damage.allSatisfy { $0.contains("fails its checksum") })
        next.set(Data("rebuilt".utf8), for: CacheKey("corrupted"))
        #expect(CacheFolder(url: url).value(for: CacheKey("corrupted")) == Data("rebuilt".utf8))
    }

    @Test func entriesABuildNeitherReadNorWroteAreRemoved() throws {
        let url = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: url) }
        let first = CacheFolder(url: url)
        for name in ["kept", "rewritten", "gone"] { first.set(Data(name.utf8), for: CacheKey(name)) }
        try Data("left by a killed build".utf8).write(to: url.appendingPathComponent(".leftover.tmp"))
        let second = CacheFolder(url: url)
        _ = second.value(for: CacheKey("kept"))
        second.set(Data("new".utf8), for: CacheKey("rewritten"))
        second.removeUnused()
        let left = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
        #expect(left == [CacheKey("kept").hex, CacheKey("rewritten").hex].sorted())
    }
}
