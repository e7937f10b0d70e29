import DeriveCore
import DeriveResolve
import Foundation

/// Writes the HTML pages of a site through the templates: one per note, at the note's path with
/// `.html` (folders as in the notes folder), and the index (the course's front page, unless the
/// notes folder has an `index.md` of its own).
struct PageWriter {
    let templates: TemplateLibrary
    let options: SiteOptions
    let math: KaTeXRenderer
    let reports: CheckReports?
    /// The folder the pages go to.
    let site: URL
    /// What rendering the notes found.
    private(set) var diagnostics: [Diagnostic] = []

    init(templates: TemplateLibrary, options: SiteOptions, math: KaTeXRenderer, reports: CheckReports?, site: URL) {
        self.templates = templates
        self.options = options
        self.math = math
        self.reports = reports
        self.site = site
    }

    /// Writes every note's page and the index; returns the pages' paths, index first.
    mutating func writePages(for notes: [Note], resolutions: [NoteResolution]) throws -> [String] {
        let hasFrontPage = notes.contains { $0.relativePath == "index.md" }
        var pages: [String] = []
        var seen = Set<String>()
        if !hasFrontPage {
            try write(try templates.render(index(of: notes), with: "index"), to: "index.html")
            pages.append("index.html")
            seen.insert("index.html")
        }
        let listed = notes.filter { !$0.isDraft && Self.isUsable($0) }
        for (position, note) in notes.enumerated() {
            guard Self.isUsable(note), seen.insert(note.pagePath.lowercased()).inserted else {
                diagnostics.append(Diagnostic(
                    .error, .pageName, "the note's path \"\(note.relativePath)\" cannot name a page of its own (another note, or the index, takes \(note.pagePath))",
                    at: NoteLocation(file: note.path, line: 1)))
                continue
            }
            let place = listed.firstIndex(of: note)
            let previous = place.flatMap { $0 > 0 ? listed[$0 - 1] : nil }
            let next = place.flatMap { $0 + 1 < listed.count ? listed[$0 + 1] : nil }
            var page = try self.page(
                for: note, resolution: resolutions[position],
                previous: previous.map { link(from: note, to: $0) }, next: next.map { link(from: note, to: $0) })
            if note.relativePath == "index.md" { page.course = NotePage.CourseContents(sections: index(of: notes).sections) }
            try write(try templates.render(page, with: "note"), to: note.pagePath)
            pages.append(note.pagePath)
        }
        return pages
    }

    private mutating func page(
        for note: Note, resolution: NoteResolution, previous: NotePage.Link?, next: NotePage.Link?
    ) throws -> NotePage {
        var renderer = NoteRenderer(note: note, resolution: resolution, allowsRawHTML: options.allowsRawHTML, math: math)
        let title = try renderer.title()
        let body = try renderer.body()
        diagnostics += renderer.diagnostics
        return NotePage(
            title: note.title, windowTitle: "\(note.title) · \(options.title)", description: note.summary,
            author: options.author, canonical: options.canonicalURL(of: note.pagePath), root: SitePath.root(of: note.pagePath),
            titleHTML: title, titleAnchor: renderer.titleHeading?.anchor, isDraft: note.isDraft,
            contents: note.headings.filter { $0.level > 1 && $0.level <= 3 }.map {
                NotePage.Contents(anchor: $0.anchor, text: $0.content.plainText, level: $0.level)
            },
            previous: previous, next: next, body: body,
            results: ResultsSection(notePath: note.path, reports: reports),
            declarations: Self.declarationIndex(renderer.declarations),
            source: note.path, sourceDigest: note.sourceDigest
        )
    }

    /// The course's contents: the notes in reading order, a section per folder.
    private func index(of notes: [Note]) -> IndexPage {
        var sections: [IndexPage.Section] = []
        for note in notes where !note.isDraft && Self.isUsable(note) && note.relativePath != "index.md" {
            let status = reports?.status(of: note.path) ?? .notRun
            let entry = IndexPage.Entry(
                href: SitePath.encodedHref(note.pagePath), title: note.title, summary: note.summary,
                status: status.rawValue, statusText: status.text)
            if sections.last?.folder != note.folder {
                let title = note.folder.isEmpty ? nil : note.isFolderIndex ? note.title : note.folder
                sections.append(IndexPage.Section(folder: note.folder, title: title, notes: []))
            }
            sections[sections.count - 1].notes.append(entry)
        }
        return IndexPage(
            title: options.title, windowTitle: options.title, description: options.description, author: options.author,
            canonical: options.canonicalURL(of: "index.html"), sections: sections, checksRun: reports != nil)
    }

    private func link(from note: Note, to other: Note) -> NotePage.Link {
        NotePage.Link(href: SitePath.encodedHref(SitePath.href(from: note.pagePath, to: other.pagePath)), text: other.title)
    }

    /// The declarations grouped by name and kind, sorted by name, each with its blocks.
    private static func declarationIndex(_ found: [(declaration: SwiftDeclaration, block: ResolvedCodeBlock)]) -> [NotePage.Declaration] {
        var blocks: [SwiftDeclaration: [ResolvedCodeBlock]] = [:]
        for (declaration, block) in found where blocks[declaration]?.last != block {
            blocks[declaration, default: []].append(block)
        }
        return blocks.keys
            .sorted { ($0.name.lowercased(), $0.name, $0.kind) < ($1.name.lowercased(), $1.name, $1.kind) }
            .map { declaration in
                NotePage.Declaration(
                    kind: declaration.kind, name: declaration.name,
                    blocks: (blocks[declaration] ?? []).map { NotePage.Link(href: "#\($0.anchor)", text: $0.linkText) }
                )
            }
    }

    /// A note whose path can name a page: no hidden or empty component, no backslash.
    private static func isUsable(_ note: Note) -> Bool {
        let components = note.relativePath.split(separator: "/", omittingEmptySubsequences: false)
        return !components.contains { $0.isEmpty || $0.hasPrefix(".") || $0 == ".." } && !note.relativePath.contains("\\")
    }

    private func write(_ html: String, to path: String) throws {
        let file = site.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(html.utf8).write(to: file)
        } catch {
            throw WeaveError.fileSystem("cannot write \(path): \(error)")
        }
    }
}
