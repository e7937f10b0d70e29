import DeriveCore
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

    /// Builds the site for `notes` (in file-name order) into `siteDirectory`, replacing it whole.
    ///
    /// - Parameters:
    ///   - reports: the check run's reports, or nil when the checks were not run.
    ///   - notesDirectory: the folder whose non-Markdown files are copied into the site.
    /// - Throws: `DiagnosticError` with every diagnostic when any is an error; `WeaveError` when
    ///   node, the resources or the file system fail.
    public func build(
        notes: [Note], reports: CheckReports?, notesDirectory: URL, siteDirectory: URL
    ) throws -> SiteSummary {
        let templates = try TemplateLibrary()
        let math = KaTeXRenderer(options: options, script: templates.assets.appendingPathComponent("katex-render.js"))
        defer { math.stop() }
        var summary: SiteSummary?
        try FolderSwap.replace(siteDirectory) { staging in
            var writer = PageWriter(templates: templates, options: options, math: math, reports: reports, site: staging)
            let pages = try writer.writePages(for: notes)
            let assets = SiteAssets(destination: staging)
            try assets.copyStylesheet(from: templates.assets)
            try assets.copyKaTeX(from: options.katexAssets)
            let notesPath = notes.first.map { ($0.path as NSString).deletingLastPathComponent } ?? notesDirectory.lastPathComponent
            let diagnostics = (writer.diagnostics + (try assets.copyNoteFiles(from: notesDirectory, notesPath: notesPath)))
                .sortedByLocation()
            if diagnostics.containsErrors { throw DiagnosticError(diagnostics) }
            summary = SiteSummary(pages: pages, diagnostics: diagnostics, math: math.statistics)
        }
        guard let summary else { throw WeaveError.fileSystem("the site folder was not replaced") }
        return summary
    }
}
