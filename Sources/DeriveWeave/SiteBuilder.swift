import DeriveCache
import DeriveCore
import DeriveResolve
import Foundation

/// Weaves parsed notes into a static site: one page per note, an index, the stylesheet, KaTeX's
/// CSS and fonts, and the notes folder's other files.
///
/// The site is built in a staging folder beside `siteDirectory` and swapped into place
/// (`FolderSwap`) only when no note has an error, so a failed build leaves the previous site
/// untouched; a file whose bytes did not change is carried over (hard-linked), not rewritten.
/// The same inputs give a byte-identical site, whatever `jobs` is. With a cache folder, rendered
/// math is kept there across builds.
public struct SiteBuilder: Sendable {
    /// What the build may do and where it finds node and KaTeX.
    public var options: SiteOptions

    /// The folders of Derive's own templates and assets, which every site is made with.
    public static var resourceFolders: [URL] {
        ["Templates", "Assets"].compactMap { Bundle.module.url(forResource: $0, withExtension: nil) }
    }

    /// A builder with `options`.
    public init(options: SiteOptions = SiteOptions()) {
        self.options = options
    }

    /// Builds the site for `notes` (in file-name order, `resolutions[i]` resolving `notes[i]`) into
    /// `siteDirectory`, replacing it whole, unless a note has an error.
    ///
    /// - Parameters:
    ///   - reports: the check run's reports, or nil when the checks were not run.
    ///   - assets: the notes folder's other files (images, data), copied at their relative paths.
    /// - Returns: the pages written and every diagnostic; when one is an error, nothing was written.
    /// - Throws: `WeaveError` when node, the resources or the file system fail; `BuildCancelled`
    ///   when `cancellation` was cancelled before the site was swapped in (it is left as it was).
    public func build(
        notes: [Note], resolutions: [NoteResolution], reports: CheckReports?, assets: [NoteDirectory.File],
        notesDirectory: NoteDirectory, siteDirectory: URL, cancellation: BuildCancellation? = nil
    ) throws -> SiteSummary {
        let templates = try TemplateLibrary(theme: options.theme)
        let (cache, store, math) = mathRenderer(templates: templates)
        let pagesCache = options.cacheDirectory.map { CacheFile(url: $0.appendingPathComponent("pages")) }
        let reuse = pagesCache.map { PageReuse(file: $0, context: pageContext(templates: templates, math: store, reports: reports)) }
        defer { math.stop() }
        // Derive before 2026-12 kept a copy of every page's part of `print.html` there.
        if let cacheDirectory = options.cacheDirectory { try? FileManager.default.removeItem(at: cacheDirectory.appendingPathComponent("print")) }
        var summary = SiteSummary(pages: [], diagnostics: [], math: MathStatistics())
        var search: SearchShardWriter?
        do {
            try FolderSwap.replace(siteDirectory) { staging in
                let files = SiteFileWriter(staging: staging, previous: siteDirectory)
                var writer = PageWriter(templates: templates, options: options, math: math, reports: reports, files: files)
                writer.cancellation = cancellation
                // lunr indexes the pages' documents in node while the rest of the site is written.
                let indexer = SearchShardWriter(
                    files: files, options: options, script: templates.assets.appendingPathComponent("search-build.js"), cache: pagesCache,
                    cancellation: cancellation)
                search = indexer
                defer { _ = try? indexer.finish() }  // no node outlives a build that failed
                let written = try writer.writeNotePages(
                    for: notes, resolutions: resolutions, jobs: options.jobs, reuse: reuse, indexer: indexer)
                try files.write(try written.search.loader(), to: "search-index.js")
                let pages = try writer.writeCoursePages(after: written)
                let copier = SiteAssets(files: files)
                try copier.copyStylesheet(from: templates.assets, theme: options.theme)
                try copier.copyKaTeX(from: options.katexAssets)
                try copier.copyScripts(from: templates.assets, lunr: options.lunr)
                let indexed = try indexer.finish()
                try cancellation?.check()
                let diagnostics = (writer.diagnostics + (try copier.copyNoteFiles(assets, from: notesDirectory))).sortedByLocation()
                summary = SiteSummary(pages: pages, diagnostics: diagnostics, math: math.statistics)
                summary.searchShards = (indexed, written.search.files.count)
                if diagnostics.containsErrors { throw SiteNotWritten() }
            }
        } catch is SiteNotWritten {
            summary.pages = []
        }
        if !summary.pages.isEmpty {
            reuse?.record(in: siteDirectory, jobs: options.jobs)
            search?.record(in: siteDirectory)
        }
        for cache in [cache, pagesCache].compactMap({ $0 }) {
            summary.cacheDamage += cache.damage
            do { try cache.save() } catch { summary.cacheDamage.append("cannot save \(cache.url.path): \(error)") }
        }
        return summary
    }
}

extension SiteBuilder {
    /// Writes the page of `notes[position]`, the one note edited since the site at
    /// `siteDirectory` was built from these notes, straight into that site (through a temporary
    /// file and a rename), and nothing else: what `derive serve` shows at once, before the whole
    /// site is built again.
    ///
    /// - Returns: whether the page was written (not when rendering it found an error, nor when it
    ///   came out as the site already holds it), and what rendering it said.
    /// - Throws: `WeaveError` when node, the resources or the file system fail.
    public func writePage(
        ofNoteAt position: Int, notes: [Note], resolutions: [NoteResolution], reports: CheckReports?, siteDirectory: URL
    ) throws -> (written: Bool, diagnostics: [Diagnostic]) {
        let templates = try TemplateLibrary(theme: options.theme)
        let (cache, _, math) = mathRenderer(templates: templates)
        defer { math.stop() }
        let manager = FileManager.default
        let staging = siteDirectory.deletingLastPathComponent().appendingPathComponent(
            ".\(siteDirectory.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)-page-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? manager.removeItem(at: staging) }
        let page = notes[position].pagePath
        let files = SiteFileWriter(staging: staging, previous: siteDirectory)
        let diagnostics: [Diagnostic]
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            diagnostics = try PageWriter(templates: templates, options: options, math: math, reports: reports, files: files)
                .writeNotePage(at: position, of: notes, resolutions: resolutions)
            let (new, old) = (staging.appendingPathComponent(page), siteDirectory.appendingPathComponent(page))
            // Bytes the site already holds were hard-linked from it: nothing to write.
            guard !diagnostics.containsErrors, Self.inode(of: new) != Self.inode(of: old) else { return (false, diagnostics) }
            guard rename(new.path, old.path) == 0 else { throw WeaveError.fileSystem("cannot write \(page): \(String(cString: strerror(errno)))") }
            try? cache?.save(pruning: false)  // the page first; the site's other pages still need their formulas
        } catch let error as WeaveError {
            throw error
        } catch {
            throw WeaveError.fileSystem("cannot write \(page): \(FileErrorText.describe(error))")
        }
        return (true, diagnostics)
    }

    /// The inode of the file at `url`, nil if there is none.
    private static func inode(of url: URL) -> UInt? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt(info.st_ino) : nil
    }

    /// The math cache of the build folder (if any), its store, and a renderer answering from it.
    private func mathRenderer(templates: TemplateLibrary) -> (CacheFile?, MathStore?, KaTeXRenderer) {
        let script = templates.assets.appendingPathComponent("katex-render.js")
        let cache = options.cacheDirectory.map { CacheFile(url: $0.appendingPathComponent("math")) }
        let store = cache.map { MathStore(file: $0, options: options, script: script) }
        return (cache, store, KaTeXRenderer(options: options, script: script, jobs: options.jobs, store: store))
    }

    /// What every page depends on besides its own note and neighbours: this Derive (its
    /// executable and templates), the course's settings, KaTeX and the checks' reports.
    fileprivate func pageContext(templates: TemplateLibrary, math: MathStore?, reports: CheckReports?) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var parts: [Data] = [Data(ToolIdentity.current.utf8), Data(templates.digest.utf8), Data((math?.context ?? "").utf8)]
        let settings: [String?] = [
            options.title, options.description, options.author, options.publicURL?.absoluteString, "\(options.allowsRawHTML)",
            options.theme?.path, "\(options.printsWholeCourse)",
        ]
        parts += settings.map { Data(($0 ?? "\u{0}").utf8) }
        parts.append((try? encoder.encode(options.notation.map(\.tex))) ?? Data())
        parts.append((try? encoder.encode(reports)) ?? Data())
        return CacheKey(parts).hex
    }
}

/// Ends a build whose notes have errors before its staging folder replaces the site.
private struct SiteNotWritten: Error {}
