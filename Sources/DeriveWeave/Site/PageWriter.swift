import DeriveCache
import DeriveCore
import DeriveResolve
import Foundation

/// Writes the HTML pages of a site: one per note and the index, through the templates.
struct PageWriter {
    let templates: TemplateLibrary
    let options: SiteOptions
    let math: KaTeXRenderer
    let reports: CheckReports?
    /// Where the pages go.
    let files: SiteFileWriter
    /// What rendering the notes found.
    private(set) var diagnostics: [Diagnostic] = []

    init(templates: TemplateLibrary, options: SiteOptions, math: KaTeXRenderer, reports: CheckReports?, files: SiteFileWriter) {
        self.templates = templates
        self.options = options
        self.math = math
        self.reports = reports
        self.files = files
    }

    /// Writes every note's page and the index, on up to `jobs` threads at once (the same bytes
    /// as one at a time), carrying over the pages `reuse` finds unchanged; returns the pages'
    /// paths, index first.
    mutating func writePages(for notes: [Note], resolutions: [NoteResolution], jobs: Int, reuse: PageReuse?) throws -> [String] {
        var pages = ["index.html"]
        try write(try templates.render(index(of: notes), with: "index"), to: "index.html")
        var seen: Set<String> = ["index"]
        var named: [Int] = []
        for (position, note) in notes.enumerated() {
            guard isUsable(note.stem), seen.insert(note.stem).inserted else {
                diagnostics.append(Diagnostic(
                    .error, .pageName, "the note's name \"\(note.stem)\" cannot name a page of its own",
                    at: NoteLocation(file: note.path, line: 1)
                ))
                continue
            }
            named.append(position)
        }
        var rendered: [(position: Int, key: CacheKey?)] = []
        for position in named {
            let note = notes[position]
            let key = reuse?.key(of: note, previous: previous(of: position, in: notes), next: next(of: position, in: notes))
            if let key, let said = reuse?.reusable(key, page: Self.pagePath(note), in: files.previous), files.carryOver(Self.pagePath(note)) {
                diagnostics += said
            } else {
                rendered.append((position, key))
            }
        }
        try math.prepare(rendered.flatMap { notes[$0.position].mathRequests })
        let written = try rendered.concurrentMap(jobs: jobs) { entry -> [Diagnostic] in
            let (position, key) = entry
            let note = notes[position]
            let (page, diagnostics) = try self.page(
                for: note, resolution: resolutions[position], previous: previous(of: position, in: notes), next: next(of: position, in: notes))
            try write(try templates.render(page, with: "note"), to: Self.pagePath(note))
            if let key { reuse?.made(key, page: Self.pagePath(note), diagnostics: diagnostics) }
            return diagnostics
        }
        diagnostics += written.flatMap { $0 }
        pages += named.map { Self.pagePath(notes[$0]) }
        return pages
    }

    private func page(
        for note: Note, resolution: NoteResolution, previous: NotePage.Link?, next: NotePage.Link?
    ) throws -> (NotePage, [Diagnostic]) {
        var renderer = NoteRenderer(note: note, resolution: resolution, allowsRawHTML: options.allowsRawHTML, math: math)
        let title = try renderer.title()
        let body = try renderer.body()
        let page = NotePage(
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
        return (page, renderer.diagnostics)
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

    private func previous(of position: Int, in notes: [Note]) -> NotePage.Link? { neighbour(notes[..<position].reversed()) }

    private func next(of position: Int, in notes: [Note]) -> NotePage.Link? { neighbour(notes[(position + 1)...]) }

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
        try files.write(Data(html.utf8), to: name)
    }
}
