import DeriveCore
import DeriveResolve
import Foundation

/// Weaves parsed notes into a static site: one page per note, an index, the stylesheet, KaTeX's
/// CSS and fonts, and the notes folder's other files.
///
/// The site is built in a staging folder beside `siteDirectory` and swapped into place
/// (`FolderSwap`) only when no note has an error, so a failed build leaves the previous site
/// untouched. The same inputs give a byte-identical site.
public struct SiteBuilder: Sendable {
    /// What the build may do and where it finds node and KaTeX.
    public var options: SiteOptions

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
    /// - Throws: `WeaveError` when node, the resources or the file system fail.
    public func build(
        notes: [Note], resolutions: [NoteResolution], reports: CheckReports?, assets: [NoteDirectory.File],
        notesDirectory: NoteDirectory, siteDirectory: URL
    ) throws -> SiteSummary {
        let templates = try TemplateLibrary(theme: options.theme)
        let math = KaTeXRenderer(options: options, script: templates.assets.appendingPathComponent("katex-render.js"))
        defer { math.stop() }
        var summary = SiteSummary(pages: [], diagnostics: [], math: MathStatistics())
        do {
            try FolderSwap.replace(siteDirectory) { staging in
                var writer = PageWriter(templates: templates, options: options, math: math, reports: reports, site: staging)
                let pages = try writer.writePages(for: notes, resolutions: resolutions)
                let copier = SiteAssets(destination: staging)
                try copier.copyStylesheet(from: templates.assets, theme: options.theme)
                try copier.copyKaTeX(from: options.katexAssets)
                try copier.copyScripts(from: templates.assets, lunr: options.lunr)
                let search = try writer.search.script(options: options, builder: templates.assets.appendingPathComponent("search-build.js"))
                try Data(search.utf8).write(to: staging.appendingPathComponent("search-index.js"))
                let diagnostics = (writer.diagnostics + (try copier.copyNoteFiles(assets, from: notesDirectory))).sortedByLocation()
                summary = SiteSummary(pages: pages, diagnostics: diagnostics, math: math.statistics)
                if diagnostics.containsErrors { throw SiteNotWritten() }
            }
        } catch is SiteNotWritten {
            summary.pages = []
        }
        return summary
    }
}

/// Ends a build whose notes have errors before its staging folder replaces the site.
private struct SiteNotWritten: Error {}
