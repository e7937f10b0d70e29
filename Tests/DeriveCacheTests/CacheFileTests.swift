import DeriveCache
import Foundation
import Testing

@Suite("CacheFile: entries kept across builds, damage noticed and rebuilt")
struct CacheFileTests {
    private func temporaryFile() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("derive-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("math")
    }

    /// A cache file holding `count` entries `value i` under the keys of `key i`, saved.
    private func filled(_ url: URL, count: Int) throws {
        let cache = CacheFile(url: url)
        for index in 0..<count { cache.set(Data("value \(index)".utf8), for: CacheKey("key \(index)")) }
        try cache.save()
    }

    @Test func anEntryIsThereInTheNextBuild() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 3)
        let reopened = CacheFile(url: url)
        #expect(reopened.value(for: CacheKey("key 1")) == Data("value 1".utf8))
        #expect(reopened.value(for: CacheKey("key 9")) == nil)
        #expect(reopened.damage.isEmpty)
    }

    @Test func aSaveWithoutPruningKeepsTheEntriesItDidNotUse() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 200)
        let part = CacheFile(url: url)
        _ = part.value(for: CacheKey("key 0"))
        part.set(Data("more".utf8), for: CacheKey("key 200"))
        try part.save(pruning: false)
        let reopened = CacheFile(url: url)
        #expect(reopened.value(for: CacheKey("key 199")) == Data("value 199".utf8), "one entry of 200 used, and none dropped")
        #expect(reopened.value(for: CacheKey("key 200")) == Data("more".utf8))
        let whole = CacheFile(url: url)
        _ = whole.value(for: CacheKey("key 0"))
        try whole.save()
        #expect(CacheFile(url: url).value(for: CacheKey("key 199")) == nil, "a whole build's save prunes what it did not use")
    }

    @Test func newEntriesAreAppendedNotRewritten() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 2)
        let before = try Data(contentsOf: url)
        let cache = CacheFile(url: url)
        _ = cache.value(for: CacheKey("key 0"))
        _ = cache.value(for: CacheKey("key 1"))
        cache.set(Data("more".utf8), for: CacheKey("key 2"))
        try cache.save()
        let after = try Data(contentsOf: url)
        #expect(after.starts(with: before) && after.count > before.count)
        #expect(CacheFile(url: url).value(for: CacheKey("key 2")) == Data("more".utf8))
    }

    @Test func entriesOfManyMegabytesAreAppendedWhole() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        // Five MiB and more in entries of every size up to 300 KB: written in pieces of about a
        // MiB, each entry must still be found whole, in a file with no byte to spare.
        let values = (0..<40).map { index in Data(repeating: UInt8(index), count: 1 + index * 7_919 % 300_000) }
        let cache = CacheFile(url: url)
        for (index, value) in values.enumerated() { cache.set(value, for: CacheKey("big \(index)")) }
        try cache.save()
        let reopened = CacheFile(url: url)
        for (index, value) in values.enumerated() { #expect(reopened.value(for: CacheKey("big \(index)")) == value, "entry \(index)") }
        #expect(reopened.damage.isEmpty)
        let recordBytes = values.reduce(0) { $0 + 64 + 4 + $1.count + 32 }
        #expect(try Data(contentsOf: url).count == Data("derive-cache 1\n".utf8).count + recordBytes)
    }

    @Test func aTruncatedFileIsReportedOnceAndItsLostEntriesRebuilt() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 3)
        let whole = try Data(contentsOf: url)
        try whole.prefix(whole.count - 5).write(to: url)
        let cache = CacheFile(url: url)
        #expect(cache.value(for: CacheKey("key 0")) == Data("value 0".utf8))
        #expect(cache.value(for: CacheKey("key 2")) == nil)
        #expect(cache.damage.count == 1)
        #expect(cache.damage.first?.contains("truncated") == true)
        cache.set(Data("value 2".utf8), for: CacheKey("key 2"))
        try cache.save()
        let repaired = CacheFile(url: url)
        #expect(repaired.value(for: CacheKey("key 2")) == Data("value 2".utf8))
        #expect(repaired.value(for: CacheKey("key 0")) == Data("value 0".utf8))
        #expect(repaired.damage.isEmpty)
    }

    @Test func aCorruptedEntryFailsItsChecksumOnceAndIsNotUsed() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 2)
        var bytes = try Data(contentsOf: url)
        let value = try #require(bytes.range(of: Data("value 0".utf8)))
        bytes[value.lowerBound] = UInt8(ascii: "X")
        try bytes.write(to: url)
        let cache = CacheFile(url: url)
        #expect(cache.value(for: CacheKey("key 0")) == nil)
        #expect(cache.value(for: CacheKey("key 0")) == nil)
        #expect(cache.value(for: CacheKey("key 1")) == Data("value 1".utf8))
        #expect(cache.damage.count == 1)
        #expect(cache.damage.first?.contains("checksum") == true)
        cache.set(Data("value 0".utf8), for: CacheKey("key 0"))
        try cache.save()
        let repaired = CacheFile(url: url)
        #expect(repaired.value(for: CacheKey("key 0")) == Data("value 0".utf8))
        #expect(repaired.damage.isEmpty)
    }

    @Test func aDeletedOrForeignFileIsAnEmptyCache() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        #expect(CacheFile(url: url).value(for: CacheKey("key 0")) == nil)
        try Data("not a cache".utf8).write(to: url)
        let foreign = CacheFile(url: url)
        #expect(foreign.value(for: CacheKey("key 0")) == nil)
        #expect(foreign.damage.count == 1)
    }

    @Test func keysDependOnEveryPartAndItsBoundaries() {
        #expect(CacheKey("ab", "c") != CacheKey("a", "bc"))
        #expect(CacheKey("ab", "c") == CacheKey("ab", "c"))
        #expect(CacheKey("x").hex.count == 64)
    }

    @Test func anEntryKeptWithoutBeingReadSurvivesTheRewriteOfAMostlyUnusedFile() throws {
        let url = try temporaryFile()
        defer { try? FileManager.default.removeItem(at: url.deletingLastPathComponent()) }
        try filled(url, count: 200)
        // A build that reads one entry and keeps another (a page carried over needs it later).
        let build = CacheFile(url: url)
        _ = build.value(for: CacheKey("key 1"))
        build.keep(CacheKey("key 2"))
        build.set(Data("new".utf8), for: CacheKey("key new"))
        try build.save()
        let next = CacheFile(url: url)
        #expect(next.value(for: CacheKey("key 1")) == Data("value 1".utf8))
        #expect(next.value(for: CacheKey("key 2")) == Data("value 2".utf8))
        #expect(next.value(for: CacheKey("key 3")) == nil, "the unused entries were not dropped: the file was not rewritten")
        #expect(next.value(for: CacheKey("key new")) == Data("new".utf8))
    }
}
