import DeriveCore
import DeriveResolve
import Foundation

/// Writes the HTML pages of a site: one per note and the index, through the templates.
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
        var pages = ["index.html"]
        try write(try templates.render(index(of: notes), with: "index"), to: "index.html")
        var seen: Set<String> = ["index"]
        for (position, note) in notes.enumerated() {
            guard isUsable(note.stem), seen.insert(note.stem).inserted else {
                diagnostics.append(Diagnostic(
                    .error, .pageName, "the note's name \"\(note.stem)\" cannot name a page of its own",
                    at: NoteLocation(file: note.path, line: 1)
                ))
                continue
            }
            let page = try self.page(for: note, resolution: resolutions[position], previous: neighbour(notes[..<position].reversed()),
                                     next: neighbour(notes[(position + 1)...]))
            try write(try templates.render(page, with: "note"), to: Self.pagePath(note))
            pages.append(Self.pagePath(note))
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
            author: options.author, canonical: options.canonicalURL(of: Self.pagePath(note)), titleHTML: title, titleAnchor: renderer.titleHeading?.anchor, isDraft: note.isDraft,
            contents: note.headings.filter { $0.level > 1 && $0.level <= 3 }.map {
                NotePage.Contents(anchor: $0.anchor, text: $0.content.plainText, level: $0.level)
            },
            previous: previous, next: next, body: body,
            results: ResultsSection(notePath: note.path, reports: reports),
            declarations: Self.declarationIndex(renderer.declarations),
            source: note.path, sourceDigest: note.sourceDigest
        )
    }

    private func index(of notes: [Note]) -> IndexPage {
        IndexPage(
            title: options.title, windowTitle: options.title, description: options.description, author: options.author,
            canonical: options.canonicalURL(of: "index.html"),
            notes: notes.filter { !$0.isDraft && isUsable($0.stem) }.map { note in
                let status = reports?.status(of: note.path) ?? .notRun
                return IndexPage.Entry(
                    href: Self.href(note), title: note.title, summary: note.summary,
                    status: status.rawValue, statusText: status.text
                )
            },
            checksRun: reports != nil
        )
    }

    /// The first listed (non-draft) note among `candidates`, as a link.
    private func neighbour(_ candidates: some Sequence<Note>) -> NotePage.Link? {
        candidates.first { !$0.isDraft && isUsable($0.stem) }.map { NotePage.Link(href: Self.href($0), text: $0.title) }
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
                    blocks: blocks[declaration]!.map { NotePage.Link(href: "#\($0.anchor)", text: $0.linkText) }
                )
            }
    }

    /// A stem that can name a page file: not empty, no path separators, not hidden, not `index`.
    private func isUsable(_ stem: String) -> Bool {
        !stem.isEmpty && !stem.hasPrefix(".") && !stem.contains("/") && !stem.contains("\\") && stem != "index"
    }

    /// The page's path in the site (`01-intro.html`).
    private static func pagePath(_ note: Note) -> String { note.stem + ".html" }

    private static func href(_ note: Note) -> String {
        (note.stem.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? note.stem) + ".html"
    }

    private func write(_ html: String, to name: String) throws {
        do {
            try Data(html.utf8).write(to: site.appendingPathComponent(name))
        } catch {
            throw WeaveError.fileSystem("cannot write \(name): \(error)")
        }
    }
}
