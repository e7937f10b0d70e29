import DeriveCore
import DerivePipeline
import DeriveWeave
import Foundation

extension Pass {
    /// weave: the site, written whole into `site` (or not at all when a note has an error), `jobs`
    /// pages and KaTeX processes at once, with rendered math kept in `cacheDirectory` across builds
    /// and, with a `recorder`, what the build read and wrote.
    static func weave(
        into site: URL, allowsRawHTML: Bool, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, cacheDirectory: URL? = nil,
        recorder: BuildRecorder? = nil
    ) -> Pass {
        Pass(.weave, needsCleanCourse: true) { course, context in
            let options = SiteOptions(course, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: cacheDirectory)
            context.status("rendering \(course.notes.count) pages")
            let summary = try SiteBuilder(options: options).build(
                notes: course.notes, resolutions: course.resolutions, reports: course.reports, assets: course.assets,
                notesDirectory: course.directory, siteDirectory: site, cancellation: context.cancellation)
            course.diagnostics += summary.diagnostics
            course.diagnostics += summary.cacheDamage.map {
                Diagnostic(.warning, .cacheDamaged, "\($0) (the cache is safe to delete)", at: .whole(".build/derive/cache"))
            }
            course.pages = summary.pages
            guard !summary.pages.isEmpty else { return "nothing written: a note has an error" }
            recorder?.keep(course)
            let search = summary.searchShards
            let indexed = switch (search.indexed, search.total) {
            case (1, 1): "1 part indexed"
            case (let indexed, let total) where indexed == total: "\(total) parts indexed"
            case (0, 1): "its part carried over"
            case (0, let total): "all \(total) parts carried over"
            case (let indexed, let total): "\(indexed) of \(total) parts indexed, the others carried over"
            }
            return "\(summary.pages.count) pages, \(summary.math.rendered) formulas rendered, \(summary.math.cached) from the cache;"
                + " search index: \(indexed)"
        }
    }

    /// weave, one page: the page of the note at `relativePath`, the one note edited since `site`
    /// was built from the course, written into that site and nothing else
    /// (`SiteBuilder.writePage`); `course.pages` then holds it, unless it did not change.
    static func weave(editedNote relativePath: String, into site: URL, allowsRawHTML: Bool, jobs: Int, cacheDirectory: URL?) -> Pass {
        Pass(.weave, needsCleanCourse: true) { course, _ in
            let position = try course.position(ofNote: relativePath)
            let options = SiteOptions(course, allowsRawHTML: allowsRawHTML, jobs: jobs, cacheDirectory: cacheDirectory)
            let (written, diagnostics) = try SiteBuilder(options: options).writePage(
                ofNoteAt: position, notes: course.notes, resolutions: course.resolutions, reports: course.reports, siteDirectory: site)
            course.diagnostics += diagnostics
            let page = course.notes[position].pagePath
            course.pages = written ? [page] : []
            return written ? "\(page) written" : diagnostics.containsErrors ? "nothing written: the note has an error" : "\(page) unchanged"
        }
    }
}

extension SiteOptions {
    /// The options of a site of `course`, as its settings say.
    init(_ course: Course, allowsRawHTML: Bool, jobs: Int, cacheDirectory: URL?) {
        let configuration = course.configuration
        self.init(
            title: configuration.title, description: configuration.description, author: configuration.author,
            publicURL: configuration.url, macros: configuration.macros, notation: configuration.notation,
            theme: configuration.theme.map { course.root.appendingPathComponent($0) }, printsWholeCourse: configuration.print,
            allowsRawHTML: allowsRawHTML,
            nodeExecutable: URL(fileURLWithPath: configuration.node), nodeModules: URL(fileURLWithPath: configuration.katex),
            katexAssets: URL(fileURLWithPath: configuration.katexAssets), jobs: jobs,
            cacheDirectory: cacheDirectory)
    }
}
