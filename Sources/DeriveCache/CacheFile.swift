import Crypto
import Foundation

/// One file of a content-addressed cache: entries of bytes under `CacheKey`s, each with a
/// SHA-256 checksum, so that a corrupted or truncated file is noticed and its bad entries
/// rebuilt instead of used.
///
/// New entries are appended (a later entry under the same key wins); the file is rewritten (through a temporary file and a rename) only
/// when it was damaged or when most of its entries went unused by a build. Deleting it is
/// always safe. Safe to use from several threads.
public final class CacheFile: @unchecked Sendable {
    private static let header = Data("derive-cache 1\n".utf8)
    private static let keyLength = 64
    private static let checksumLength = 32

    /// Where the file is.
    public let url: URL
    private let lock = NSLock()
    private let bytes: Data
    private var loaded: [String: Range<Int>] = [:]
    private var records = 0
    private var used: Set<String> = []
    private var added: [(key: String, value: Data)] = []
    private var addedKeys: [String: Data] = [:]
    private var damaged = false
    private var problems: [String] = []

    /// Opens the cache file at `url` (nothing there is an empty cache).
    public init(url: URL) {
        self.url = url
        // Read while no save of this process writes it, so that a build never reads another's half-appended entry.
        let bytes = Self.saving.withLock { (try? Data(contentsOf: url)) ?? Data() }
        self.bytes = bytes
        guard !bytes.isEmpty else { return }
        guard bytes.starts(with: Self.header) else {
            note("\(url.lastPathComponent) is not a cache file of this version; rebuilding it")
            return
        }
        var offset = Self.header.count
        while offset < bytes.count {
            let valueStart = offset + Self.keyLength + 4
            guard valueStart <= bytes.count else { break }
            let length = bytes[(offset + Self.keyLength)..<valueStart].reduce(into: 0) { $0 = $0 << 8 | Int($1) }
            let end = valueStart + length + Self.checksumLength
            guard length >= 0, end <= bytes.count else { break }
            let key = String(decoding: bytes[offset..<(offset + Self.keyLength)], as: UTF8.self)
            loaded[key] = offset..<end
            records += 1
            offset = end
        }
        if offset != bytes.count {
            note("\(url.lastPathComponent) is truncated; its last entries are rebuilt")
        }
    }

    /// Problems found in the file (truncated, a checksum that does not match), each said once.
    public var damage: [String] { lock.withLock { problems } }

    /// The bytes stored under `key`, or nil when there are none or they fail their checksum.
    public func value(for key: CacheKey) -> Data? {
        lock.withLock {
            if let value = addedKeys[key.hex] { return value }
            guard let range = loaded[key.hex] else { return nil }
            let record = bytes[range]
            let body = record.dropLast(Self.checksumLength)
            guard Data(SHA256.hash(data: body)) == record.suffix(Self.checksumLength) else {
                loaded[key.hex] = nil
                note("\(url.lastPathComponent) has an entry that fails its checksum; it is rebuilt")
                return nil
            }
            used.insert(key.hex)
            return Data(body.dropFirst(Self.keyLength + 4))
        }
    }

    /// Counts the entry under `key` as used by this build without reading it (what a build
    /// carries over still needs its entries), so that `save` keeps it.
    public func keep(_ key: CacheKey) {
        lock.withLock { if loaded[key.hex] != nil { used.insert(key.hex) } }
    }

    /// Stores `value` under `key`, for this build and the next.
    public func set(_ value: Data, for key: CacheKey) {
        lock.withLock {
            guard addedKeys[key.hex] != value else { return }
            addedKeys[key.hex] = value
            added.append((key.hex, value))
        }
    }

    /// Writes what this build added: appended to the file, or, when `pruning`, the whole file
    /// anew when it was damaged or more than half of it went unused (a build of part of a site,
    /// which uses only that part's entries, only appends, and leaves a damaged file to the next
    /// whole build). The reads and saves of a process go one at a time, so that two builds at
    /// once (a page written under `derive serve` while the site is being built) never interleave
    /// their bytes in one file nor read half an entry.
    public func save(pruning: Bool = true) throws {
        try Self.saving.withLock { try saveAlone(pruning: pruning) }
    }

    private static let saving = NSLock()

    private func saveAlone(pruning: Bool) throws {
        try lock.withLock {
            let manager = FileManager.default
            let rewrite = pruning && (damaged || records > 2 * used.count + 64)
            guard rewrite || !added.isEmpty else { return }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if rewrite {
                var kept = Self.header
                for key in used.sorted() where addedKeys[key] == nil { if let range = loaded[key] { kept.append(bytes[range]) } }
                for (key, value) in added { kept.append(Self.record(key, value)) }
                try kept.write(to: url, options: .atomic)
            } else {
                if !manager.fileExists(atPath: url.path) { try Self.header.write(to: url, options: .atomic) }
                let handle = try FileHandle(forWritingTo: url)
                defer { try? handle.close() }
                try handle.seekToEnd()
                // Written a MiB or so at a time: a copy of all that was added (the pages' records
                // of a 1,000-note course are 15 MB) would raise the build's peak memory.
                var appended = Data()
                for (key, value) in added {
                    appended.append(Self.record(key, value))
                    if appended.count >= 1 << 20 {
                        try handle.write(contentsOf: appended)
                        appended.removeAll(keepingCapacity: true)
                    }
                }
                try handle.write(contentsOf: appended)
            }
            added = []
        }
    }

    private static func record(_ key: String, _ value: Data) -> Data {
        var record = Data(key.utf8)
        let length = UInt32(value.count)
        record.append(contentsOf: [UInt8(length >> 24), UInt8(length >> 16 & 0xff), UInt8(length >> 8 & 0xff), UInt8(length & 0xff)])
        record.append(value)
        record.append(contentsOf: SHA256.hash(data: record))
        return record
    }

    /// Remembers a problem once; the file is rewritten without the bad entries at `save`.
    private func note(_ problem: String) {
        damaged = true
        if !problems.contains(problem) { problems.append(problem) }
    }
}
