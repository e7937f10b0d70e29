import Crypto
import Foundation

/// A folder of a content-addressed cache with one file per entry, for entries too big to keep in
/// a `CacheFile` (which a build reads whole): each file is named by its `CacheKey` and holds the
/// entry's bytes followed by their SHA-256, so that a corrupted or truncated entry is noticed,
/// reported once and rebuilt instead of used.
///
/// An entry is written to a temporary file and renamed into place, so a killed build leaves
/// whole entries only. `removeUnused` deletes the entries this build neither read nor wrote.
/// Deleting the folder is always safe. Safe to use from several threads.
public final class CacheFolder: @unchecked Sendable {
    private static let checksumLength = 32

    /// Where the entries are.
    public let url: URL
    private let lock = NSLock()
    private var used: Set<String> = []
    private var problems: [String] = []

    /// The cache folder at `url` (made when the first entry is written).
    public init(url: URL) {
        self.url = url
    }

    /// Problems found (an entry that fails its checksum, one that cannot be written), each said once.
    public var damage: [String] { lock.withLock { problems } }

    /// The bytes stored under `key`, or nil when there are none or they fail their checksum.
    public func value(for key: CacheKey) -> Data? {
        lock.withLock { _ = used.insert(key.hex) }
        guard let record = try? Data(contentsOf: file(key)) else { return nil }
        let body = record.dropLast(Self.checksumLength)
        guard record.count >= Self.checksumLength, Data(SHA256.hash(data: body)) == record.suffix(Self.checksumLength) else {
            note("\(url.lastPathComponent)/\(key.hex) fails its checksum; it is rebuilt")
            return nil
        }
        return Data(body)
    }

    /// Stores `value` under `key`, for this build and the next; a failure to write is noted in
    /// `damage` (the entry is then only missing, and made again when next needed).
    public func set(_ value: Data, for key: CacheKey) {
        lock.withLock { _ = used.insert(key.hex) }
        let target = file(key)
        let temporary = url.appendingPathComponent(".\(key.hex).\(UUID().uuidString)")
        var record = value
        record.append(contentsOf: SHA256.hash(data: value))
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try record.write(to: temporary)
        } catch {
            note("cannot write the cache entry \(url.lastPathComponent)/\(key.hex): \(error.localizedDescription)")
            return
        }
        if rename(temporary.path, target.path) != 0 {
            note("cannot write the cache entry \(url.lastPathComponent)/\(key.hex): \(String(cString: strerror(errno)))")
            try? FileManager.default.removeItem(at: temporary)
        }
    }

    /// Deletes every entry (and leftover temporary file) this build neither read nor wrote.
    public func removeUnused() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let kept = lock.withLock { used }
        for name in names where !kept.contains(name) {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    private func file(_ key: CacheKey) -> URL { url.appendingPathComponent(key.hex) }

    private func note(_ problem: String) {
        lock.withLock { if !problems.contains(problem) { problems.append(problem) } }
    }
}
