import DeriveCache
import DeriveCore
import DerivePipeline
import DeriveWeave
import Foundation

/// What the last build of a site read and wrote, so that a build with the same inputs into an
/// untouched site does nothing: it parses no note, runs no test, renders no formula and writes
/// no file, and shows the diagnostics the last build found.
///
/// The inputs are named by a digest of everything a site depends on: this Derive (its
/// executable, see `ToolIdentity`), the command, the course's settings, every note's bytes, the
/// notes folder's other files, Derive's templates and assets, the theme, KaTeX, lunr and node (by size, modification time and
/// inode), for `weave` the check results kept in the cache, and for `build` the runtime the notes
/// compile with. The site is named by the size,
/// modification time and inode of each of its files. Kept in the build cache, checksummed like
/// the rest of it; deleting it only makes the next build do its work.
struct BuildRecord: Codable, Equatable {
    /// The digest of the build's inputs.
    var inputs: String
    /// The site's files as the build left them.
    var site: [String: FileStamp]
    /// The pages it wrote, relative to the site folder.
    var pages: [String]
    /// What it found of the notes (warnings only: a build with an error is never recorded).
    var diagnostics: [Diagnostic]

    /// One file's size, modification time and inode: a changed or replaced file changes one.
    struct FileStamp: Codable, Equatable {
        var size: Int64
        var modified: Int64
        var inode: UInt64
    }

    /// The stamps of every regular file under `folder`, by path relative to it; nil when the
    /// folder cannot be read.
    static func stamps(of folder: URL) -> [String: FileStamp]? {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var stamps: [String: FileStamp] = [:]
        while let relativePath = walker.nextObject() as? String {
            guard let stamp = stamp(of: folder.appendingPathComponent(relativePath).path), stamp.isRegularFile else { continue }
            stamps[relativePath] = stamp.stamp
        }
        return stamps
    }

    private static func stamp(of path: String) -> (stamp: FileStamp, isRegularFile: Bool)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let stamp = FileStamp(size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
        return (stamp, (info.st_mode & S_IFMT) == S_IFREG)
    }

    /// The digest of what a `goal` build of `course` into `site` reads (the notes by their bytes,
    /// other files by their stamps, the check results kept in `cache` among them).
    static func inputs(of course: Course, goal: Driver.Goal, site: URL, allowsRawHTML: Bool, derivePackage: URL, cache: URL) -> String {
        var parts: [Data] = [Data("derive build record 1".utf8), Data(ToolIdentity.current.utf8), Data(goal.rawValue.utf8)]
        parts.append(Data(site.standardizedFileURL.path.utf8))
        parts.append(Data("\(allowsRawHTML)".utf8))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        parts.append((try? encoder.encode(course.configuration)) ?? Data())
        for file in course.noteFiles {
            parts.append(Data(file.relativePath.utf8))
            parts.append((try? Data(contentsOf: file.url)) ?? Data("unreadable".utf8))
        }
        var stamped = course.assets.map(\.url)
        let configuration = course.configuration
        stamped += [configuration.node, configuration.katex + "/katex/package.json", configuration.katexAssets + "/katex.min.css"]
            .map { URL(fileURLWithPath: $0) }
        stamped.append(SiteOptions().lunr.appendingPathComponent("lunr.js"))
        // A weave shows the check results kept in the cache; a build makes them from the notes.
        if goal == .weave { stamped.append(cache.appendingPathComponent("checks")) }
        // Derive's own templates and assets count like a theme (they change without the executable
        // when Derive is built from source).
        var folders: [URL] = SiteBuilder.resourceFolders + (configuration.theme.map { [course.root.appendingPathComponent($0)] } ?? [])
        if goal == .build {
            folders += StoredCheckResults.runtimePaths.map { derivePackage.appendingPathComponent($0) }
        }
        for folder in folders {
            let found = stamps(of: folder) ?? [:]
            stamped += found.keys.sorted().map { folder.appendingPathComponent($0) }
            if found.isEmpty { stamped.append(folder) }
        }
        for url in stamped {
            parts.append(Data(url.path.utf8))
            let stamp = stamp(of: url.path)?.stamp
            parts.append(Data(stamp.map { "\($0.size) \($0.modified) \($0.inode)" }?.utf8 ?? "missing".utf8))
        }
        return CacheKey(parts).hex
    }
}

/// Looks a site's build record up at the start of a build and keeps a new one at its end: the
/// two halves of `BuildRecord`, shared by the passes of one pipeline.
final class BuildRecorder: @unchecked Sendable {
    private let cache: URL
    private let file: CacheFile
    private let goal: Driver.Goal
    private let site: URL
    private let allowsRawHTML: Bool
    private let derivePackage: URL
    private let lock = NSLock()
    private var inputs: String?

    /// A recorder for `goal` builds into `site`, keeping its records in `cache`.
    init(cache: URL, goal: Driver.Goal, site: URL, allowsRawHTML: Bool, derivePackage: URL) {
        self.cache = cache
        self.file = CacheFile(url: cache.appendingPathComponent("builds"))
        self.goal = goal
        self.site = site
        self.allowsRawHTML = allowsRawHTML
        self.derivePackage = derivePackage
    }

    private var key: CacheKey { CacheKey("site", site.standardizedFileURL.path) }

    /// What the last build's record says of the course now.
    enum Finding {
        /// No build of this site was recorded (or its record was damaged).
        case none
        /// The inputs changed, or the site did.
        case changed
        /// The inputs are the course's now and the site is as the build left it.
        case unchanged(BuildRecord)
    }

    /// Compares the last build's record with the course and the site now.
    func compare(_ course: Course) -> Finding {
        let inputs = BuildRecord.inputs(of: course, goal: goal, site: site, allowsRawHTML: allowsRawHTML, derivePackage: derivePackage, cache: cache)
        lock.withLock { self.inputs = inputs }
        guard let data = file.value(for: key), let record = try? JSONDecoder().decode(BuildRecord.self, from: data) else { return .none }
        guard record.inputs == inputs, BuildRecord.stamps(of: site) == record.site else { return .changed }
        return .unchanged(record)
    }

    /// Problems found in the record file, each said once.
    var damage: [String] { file.damage }

    /// Keeps what a build that found no error wrote, under the inputs read when it started.
    func keep(_ course: Course) {
        guard let inputs = lock.withLock({ self.inputs }), !course.diagnostics.containsErrors, !course.pages.isEmpty,
              let site = BuildRecord.stamps(of: site)
        else { return }
        // The notes' diagnostics are shown again; those about the cache itself were said once.
        let record = BuildRecord(inputs: inputs, site: site, pages: course.pages, diagnostics: course.diagnostics.filter { $0.id != .cacheDamaged })
        guard let data = try? JSONEncoder().encode(record) else { return }
        file.set(data, for: key)
        try? file.save()
    }
}

extension Pass {
    /// After load: when the site is as the last build with the same inputs left it, the course
    /// is unchanged (every later pass has nothing to do) and shows that build's pages and diagnostics.
    static func recall(_ recorder: BuildRecorder) -> Pass {
        Pass(.load) { course, _ in
            let finding = recorder.compare(course)
            course.diagnostics += recorder.damage.map {
                Diagnostic(.warning, .cacheDamaged, "\($0) (the cache is safe to delete)", at: .whole(".build/derive/cache"))
            }
            let record: BuildRecord
            switch finding {
            case .none: return "no earlier build of this site recorded"
            case .changed: return "changed since the last build"
            case .unchanged(let found): record = found
            }
            course.isUnchanged = true
            course.pages = record.pages
            course.diagnostics += record.diagnostics
            return "nothing changed since the last build: nothing to parse, check or write"
        }
    }
}
