import DeriveCache
import DeriveCore
import Foundation

/// Pages of the site being replaced whose inputs did not change, carried over without being
/// rendered again: a page's entry in the build cache is keyed by everything the page shows (its
/// note's bytes and path, its neighbours' links, the course's settings, the checks' reports, the
/// Derive and KaTeX that made it) and says which file it was written as (inode, modification
/// time, size) and what rendering it said (diagnostics, replayed as they were).
final class PageReuse: @unchecked Sendable {
    private struct Entry: Codable {
        var stamp: String
        var diagnostics: [Diagnostic]
    }

    private let file: CacheFile
    private let context: String
    private let lock = NSLock()
    private var written: [(key: CacheKey, page: String, diagnostics: [Diagnostic])] = []

    /// Reuse through `file`, for pages made with `context` (settings, reports, tool versions).
    init(file: CacheFile, context: String) {
        self.file = file
        self.context = context
    }

    /// The key of the page of `note` between `previous` and `next`.
    func key(of note: Note, previous: NotePage.Link?, next: NotePage.Link?) -> CacheKey {
        CacheKey(
            context, note.path, note.stem, note.sourceDigest,
            previous.map { "\($0.href) \($0.text)" } ?? "", next.map { "\($0.href) \($0.text)" } ?? "")
    }

    /// The diagnostics the page said when it was made, if `site` still holds it as it was written.
    func reusable(_ key: CacheKey, page: String, in site: URL) -> [Diagnostic]? {
        guard let data = file.value(for: key), let entry = try? JSONDecoder().decode(Entry.self, from: data),
              let stamp = Self.stamp(of: site.appendingPathComponent(page)), stamp == entry.stamp
        else { return nil }
        return entry.diagnostics
    }

    /// Remembers that `page` was made under `key` and said `diagnostics`.
    func made(_ key: CacheKey, page: String, diagnostics: [Diagnostic]) {
        lock.withLock { written.append((key, page, diagnostics)) }
    }

    /// Records each page made as the file it now is in `site`.
    func record(in site: URL) {
        let encoder = JSONEncoder()
        for (key, page, diagnostics) in lock.withLock({ written }) {
            guard let stamp = Self.stamp(of: site.appendingPathComponent(page)),
                  let data = try? encoder.encode(Entry(stamp: stamp, diagnostics: diagnostics))
            else { continue }
            file.set(data, for: key)
        }
    }

    /// A regular file's inode, modification time and size; nil for anything else.
    private static func stamp(of url: URL) -> String? {
        var info = stat()
        guard lstat(url.path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec) \(info.st_size)"
    }
}
