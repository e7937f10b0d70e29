import DeriveCache
import DeriveCore
import DeriveResolve
import Foundation

/// Pages of the site being replaced whose inputs did not change, carried over without being
/// rendered again: a page's entry in the build cache is keyed by everything the page shows (its
/// note's bytes and path, its neighbours' links, the course's settings, the checks' reports, the
/// Derive and KaTeX that made it) and says which file it was written as (inode, modification
/// time, size), what rendering it said (diagnostics, replayed as they were), what search finds
/// on it and where in it its part of the whole-course page is.
final class PageReuse: @unchecked Sendable {
    private struct Entry: Codable {
        var stamp: String
        var diagnostics: [Diagnostic]
        var search: [SearchIndex.Document]
        var print: PrintPage.Placement?
    }

    /// What a page said when it was made, what search finds on it, and where its part of the
    /// whole-course page is (nil for a site without one).
    struct Made {
        var diagnostics: [Diagnostic]
        var search: [SearchIndex.Document]
        var print: PrintPage.Placement?
    }

    private let file: CacheFile
    private let context: String
    private let lock = NSLock()
    private var written: [(key: CacheKey, page: String, made: Made)] = []

    /// Reuse through `file`, for pages made with `context` (settings, reports, tool versions).
    init(file: CacheFile, context: String) {
        self.file = file
        self.context = context
    }

    /// The key of the page of `note`, resolved as `resolution` says (its numbers, and what its
    /// citations and links lead to in other notes), between `previous` and `next`, in a course
    /// whose notes are `course` (the sidebar and a front page's contents list them all).
    func key(of note: Note, resolution: NoteResolution, previous: NotePage.Link?, next: NotePage.Link?, course: String) -> CacheKey {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let resolved = (try? encoder.encode(resolution)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return CacheKey(
            context, note.path, note.relativePath, note.sourceDigest, resolved, course,
            previous.map { "\($0.href) \($0.text)" } ?? "", next.map { "\($0.href) \($0.text)" } ?? "")
    }

    /// What the page said and holds for search when it was made, if `site` still holds it as it was written.
    func reusable(_ key: CacheKey, page: String, in site: URL) -> Made? {
        guard let data = file.value(for: key), let entry = try? JSONDecoder().decode(Entry.self, from: data),
              let stamp = FileStamp.of(site.appendingPathComponent(page)), stamp == entry.stamp
        else { return nil }
        return Made(diagnostics: entry.diagnostics, search: entry.search, print: entry.print)
    }

    /// Remembers that `page` was made under `key`, and what it said and holds for search.
    func made(_ key: CacheKey, page: String, _ made: Made) {
        lock.withLock { written.append((key, page, made)) }
    }

    /// Records each page made as the file it now is in `site`, the entries encoded on up to `jobs` threads.
    func record(in site: URL, jobs: Int) {
        let entries = lock.withLock { written }.concurrentMap(jobs: jobs) { key, page, made -> (CacheKey, Data)? in
            guard let stamp = FileStamp.of(site.appendingPathComponent(page)),
                  let data = try? JSONEncoder().encode(Entry(stamp: stamp, diagnostics: made.diagnostics, search: made.search, print: made.print))
            else { return nil }
            return (key, data)
        }
        for case let (key, data)? in entries { file.set(data, for: key) }
    }
}
