import DeriveCache
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
    /// Where the pages go.
    let files: SiteFileWriter
    /// What rendering the notes found.
    private(set) var diagnostics: [Diagnostic] = []
    /// Looked at between pages: a cancelled build stops there.
    var cancellation: BuildCancellation?

    init(templates: TemplateLibrary, options: SiteOptions, math: KaTeXRenderer, reports: CheckReports?, files: SiteFileWriter) {
        self.templates = templates
        self.options = options
        self.math = math
        self.reports = reports
        self.files = files
    }

    /// What writing the notes' pages leaves to the course's own pages: the pages written so far,
    /// index first (`print.html` last, if the site has one), and the listed notes the notation
    /// page shows, in reading order; and the search index, cut into shards.
    struct NotePagesWritten {
        var pages: [String]
        var search: SearchIndex
        var printed: [(note: Note, resolution: NoteResolution)]
    }

    /// Writes every note's page and the index, on up to `jobs` threads at once (the same bytes
    /// as one at a time), carrying over the pages `reuse` finds unchanged. The search index's
    /// shards go to `indexer` as soon as their pages are made, in reading order, and so do the
    /// notes' parts to the thread that writes `print.html` meanwhile, if the site has one.
    mutating func writeNotePages(
        for notes: [Note], resolutions: [NoteResolution], jobs: Int, reuse: PageReuse?, indexer: SearchShardWriter
    ) throws -> NotePagesWritten {
        let hasFrontPage = notes.contains { $0.relativePath == "index.md" }
        var pages: [String] = []
        var seen = Set<String>()
        if !hasFrontPage {
            try write(try templates.render(index(of: notes), with: "index"), to: "index.html")
            pages.append("index.html")
            seen.insert("index.html")
        }
        let listed = Self.listed(notes)
        var named: [Int] = []
        for (position, note) in notes.enumerated() {
            guard Self.isUsable(note), seen.insert(note.pagePath.lowercased()).inserted else {
                diagnostics.append(Diagnostic(
                    .error, .pageName, "the note's path \"\(note.relativePath)\" cannot name a page of its own (another note, or the index, takes \(note.pagePath))",
                    at: NoteLocation(file: note.path, line: 1)))
                continue
            }
            named.append(position)
        }
        let printed = named.filter { !notes[$0].isDraft }
        let printing = options.printsWholeCourse ? startPrintPage(of: printed, in: notes, resolutions: resolutions) : nil
        var pagesWritten = false
        defer { if !pagesWritten { printing?.abandon() } }
        let places = Dictionary(listed.enumerated().map { ($1.pagePath, $0) }, uniquingKeysWith: { first, _ in first })
        // What a page may show of the other notes: a front page's contents, and a theme's sidebar
        // (Derive's is filled from toc.js, written here).
        let course = listed.map { "\($0.pagePath)\t\($0.title)\t\($0.summary ?? "")" }.joined(separator: "\n")
        try files.write(try tocScript(listing: listed), to: "toc.js")
        var made: [Int: PageReuse.Made] = [:]
        var rendered: [(position: Int, key: CacheKey?)] = []
        // The formulas of the pages carried over, kept in the math cache for a later build.
        var carriedMath = Set<KaTeXRenderer.Request>()
        // Each page's key (its resolution encoded) and whether the site holds it as it would be
        // written, on up to `jobs` threads; then, in order, what is carried over and what is rendered.
        let reused = try named.concurrentMap(jobs: jobs) { position -> (key: CacheKey?, made: PageReuse.Made?) in
            try cancellation?.check()
            let note = notes[position]
            let (previous, next) = neighbours(of: note, in: listed, at: places[note.pagePath])
            let shown = templates.namesSidebar || note.relativePath == "index.md" ? course : ""
            let key = reuse?.key(of: note, resolution: resolutions[position], previous: previous, next: next, course: shown)
            if let key, let said = reuse?.reusable(key, page: note.pagePath, in: files.previous), files.carryOver(note.pagePath) {
                return (key, said)
            }
            return (key, nil)
        }
        for (position, page) in zip(named, reused) {
            if let said = page.made {
                made[position] = said
                printing?.made(position, placement: said.print)
                carriedMath.formUnion(notes[position].mathRequests + outputMath(of: notes[position]))
            } else {
                rendered.append((position, page.key))
            }
        }
        // A theme's sidebar entries, the same on every page of a folder but the page's own: made
        // once for each folder with a page to render, the folders on up to `jobs` threads.
        var pageOfFolder: [String: String] = [:]
        for entry in rendered where templates.namesSidebar {
            pageOfFolder[Self.folder(of: notes[entry.position].pagePath)] = notes[entry.position].pagePath
        }
        let folders = pageOfFolder.keys.sorted()
        let entriesOfFolders = try folders.concurrentMap(jobs: jobs) { folder in
            try sidebarEntries(of: listed, from: pageOfFolder[folder] ?? "")
        }
        let entriesByFolder = Dictionary(uniqueKeysWithValues: zip(folders, entriesOfFolders))
        math.keep(Array(carriedMath))
        try math.prepare(rendered.flatMap { notes[$0.position].mathRequests + outputMath(of: notes[$0.position]) })
        // The pages' documents go to search in reading order, a page as soon as it and every page
        // before it are made, so that lunr indexes a shard while later pages are rendered. (The
        // pages' threads read `self`: what the delivery changes is local, never a field of it.)
        var search = SearchIndex(size: options.searchShardSize)
        var searched = 0
        func searchPages(through position: Int) {
            while searched < named.count, named[searched] <= position {
                if let shard = search.append(made[named[searched]]?.search ?? []) { indexer.start(shard) }
                searched += 1
            }
        }
        _ = try rendered.concurrentMap(jobs: jobs) { entry -> PageReuse.Made in
            try cancellation?.check()
            let note = notes[entry.position]
            let entries = entriesByFolder[Self.folder(of: note.pagePath)] ?? []
            let (html, rendering, part) = try notePage(
                for: note, resolution: resolutions[entry.position], of: notes, listed: listed, at: places[note.pagePath], entries: entries)
            let page = Data(html.utf8)
            var said = rendering
            if options.printsWholeCourse { said.print = PrintPage.Placement(part, in: page) }
            try files.write(page, to: note.pagePath)
            TestStopPoint.page.reach()
            if let key = entry.key { reuse?.made(key, page: note.pagePath, said) }
            return said
        } delivering: { place, said in
            made[rendered[place].position] = said
            printing?.made(rendered[place].position, placement: said.print)
            searchPages(through: rendered[place].position)
        }
        searchPages(through: notes.count)
        if let shard = search.finish() { indexer.start(shard) }
        for position in named {
            diagnostics += made[position]?.diagnostics ?? []
            pages.append(notes[position].pagePath)
        }
        pagesWritten = true
        if let printing {
            try printing.finish()
            pages.append("print.html")
        }
        return NotePagesWritten(pages: pages, search: search, printed: printed.map { (notes[$0], resolutions[$0]) })
    }

    /// Writes the page of `notes[position]` alone, as `writeNotePages` writes it among the
    /// others; returns what rendering it said.
    func writeNotePage(at position: Int, of notes: [Note], resolutions: [NoteResolution]) throws -> [Diagnostic] {
        let note = notes[position], listed = Self.listed(notes)
        try math.prepare(note.mathRequests + outputMath(of: note))
        let entries = templates.namesSidebar ? try sidebarEntries(of: listed, from: note.pagePath) : []
        let place = listed.firstIndex { $0.pagePath == note.pagePath }
        let (html, said, _) = try notePage(for: note, resolution: resolutions[position], of: notes, listed: listed, at: place, entries: entries)
        try write(html, to: note.pagePath)
        return said.diagnostics
    }

    /// The HTML of `note`'s page among `notes` (`listed` of them in its sidebar, `listed[place]`
    /// itself unless it is a draft, where a page of its folder shows them as `entries` to a theme
    /// that names the sidebar), with what rendering it said and its part of the whole-course page.
    private func notePage(
        for note: Note, resolution: NoteResolution, of notes: [Note], listed: [Note], at place: Int?, entries: [SidebarEntryHTML]
    ) throws -> (html: String, made: PageReuse.Made, part: PrintPage.Part) {
        let (previous, next) = neighbours(of: note, in: listed, at: place)
        var (page, said, part) = try self.page(for: note, resolution: resolution, previous: previous, next: next)
        if note.relativePath == "index.md" { page.course = NotePage.CourseContents(sections: index(of: notes).sections) }
        page.courseTitle = options.title
        if templates.namesSidebar { page.sidebar = try sidebar(entries, current: place, contents: page.contents) }
        if place != nil {
            let own = NotePage.SidebarEntry(
                href: SitePath.encodedHref(SitePath.href(from: note.pagePath, to: note.pagePath)), title: note.title, current: true,
                contents: page.contents)
            page.sidebarEntryHTML = try templates.render(own, with: "sidebar-entry")
        }
        page.sidebarPage = SitePath.encodedHref(note.pagePath)
        page.notationHref = options.notation.isEmpty ? nil : SitePath.href(from: note.pagePath, to: "notation.html")
        page.printHref = options.printsWholeCourse ? SitePath.href(from: note.pagePath, to: "print.html") : nil
        return (try templates.render(page, with: "note"), said, part)
    }

    /// The notes the sidebar and a front page list, in reading order: neither drafts nor notes
    /// whose paths cannot name a page.
    private static func listed(_ notes: [Note]) -> [Note] {
        notes.filter { !$0.isDraft && isUsable($0) }
    }

    /// Writes the course's own pages after its notes' (`written`): the notation page and the
    /// site's pages; returns every page's path, index first.
    mutating func writeCoursePages(after written: NotePagesWritten) throws -> [String] {
        var pages = written.pages
        if !options.notation.isEmpty {
            try writeNotationPage(notes: written.printed.map(\.note), resolutions: written.printed.map(\.resolution))
            pages.append("notation.html")
        }
        try writeSitePages(pages: &pages)
        return pages
    }

    /// The TeX of the values `note`'s examples showed, as KaTeX is asked for it.
    private func outputMath(of note: Note) -> [KaTeXRenderer.Request] {
        (reports?.outputs ?? []).filter { $0.note == note.path }.flatMap(\.items).compactMap { item in
            if case .math(let tex) = item { KaTeXRenderer.Request(tex: tex, display: true) } else { nil }
        }
    }

    /// The listed notes before and after `note`, `listed[place]`, as links from its page.
    private func neighbours(of note: Note, in listed: [Note], at place: Int?) -> (previous: NotePage.Link?, next: NotePage.Link?) {
        guard let place else { return (nil, nil) }
        let previous = place > 0 ? listed[place - 1] : nil
        let next = place + 1 < listed.count ? listed[place + 1] : nil
        return (previous.map { link(from: note, to: $0) }, next.map { link(from: note, to: $0) })
    }

    /// Starts writing `print.html` on a thread of its own, for the notes at `positions` of `notes`,
    /// each as soon as its page is said to be made.
    private func startPrintPage(of positions: [Int], in notes: [Note], resolutions: [NoteResolution]) -> PrintPageThread {
        let printed = positions.map { notes[$0] }, resolved = positions.map { resolutions[$0] }
        return PrintPageThread { [self] thread in
            // Begun once the first page is: no page of the site is on disk before its math is rendered.
            if let first = positions.first { _ = try thread.placement(of: first) }
            try writePrintPage(notes: printed, resolutions: resolved) { try thread.placement(of: positions[$0]) }
        }
    }

    /// The whole course on one page, `print.html`: the listed notes in reading order, each one's
    /// ids prefixed and its links moved to the page's own anchors (`PrintAnchors`). The template
    /// is rendered with markers for the sections' HTML, which is then streamed into the file a
    /// section at a time, each body read from the bytes of the note's page that `placement` names
    /// once the page is on disk (a note whose placement is unknown is rendered again).
    private func writePrintPage(
        notes: [Note], resolutions: [NoteResolution], placement: (Int) throws -> PrintPage.Placement?
    ) throws {
        let anchors = PrintAnchors(pages: notes.map(\.pagePath))
        let skeleton = PrintSkeleton()
        let view = PrintPage(
            title: options.title, windowTitle: options.title, description: options.description, author: options.author,
            canonical: options.canonicalURL(of: "print.html"),
            sections: notes.enumerated().map { position, note in
                let prefix = anchors.prefixes[note.pagePath] ?? ""
                return PrintPage.Section(
                    anchor: prefix, title: note.title, titleHTML: skeleton.marker(position, .title),
                    titleAnchor: note.titleHeading.map { prefix + "-" + $0.anchor }, body: skeleton.marker(position, .body))
            })
        let rendered = try templates.render(view, with: "print")
        func part(_ position: Int) throws -> (title: Data, body: Data) {
            let page = notes[position].pagePath
            if let placement = try placement(position), let range = placement.body, let body = try files.staged(page, bytes: range) {
                return (Data(placement.titleHTML.utf8), body)
            }
            var renderer = renderer(for: notes[position], resolution: resolutions[position])
            let part = try renderer.printPart()
            return (Data(part.titleHTML.utf8), Data(part.body.utf8))
        }
        var current: (position: Int, title: Data, body: Data)?
        try files.stream(to: "print.html") { append in
            for piece in skeleton.pieces(of: rendered) {
                switch piece {
                case .text(let text):
                    try append(Data(text.utf8))
                case .field(let position, let field):
                    guard notes.indices.contains(position) else { continue }
                    if current?.position != position {
                        try cancellation?.check()
                        let (title, body) = try part(position)
                        current = (position, title, body)
                    }
                    guard let current else { continue }
                    try append(anchors.rewrite(field == .title ? current.title : current.body, page: notes[position].pagePath))
                }
            }
        }
    }

    /// The notation page, `notation.html`: the course's declared symbols, each with the notes and
    /// numbered equations that use it; a symbol no formula uses is a warning at its declaration.
    private mutating func writeNotationPage(notes: [Note], resolutions: [NoteResolution]) throws {
        let symbols = options.notation
        try math.prepare(symbols.flatMap { [$0.tex] + ($0.shape.map { [$0] } ?? []) }.map { .init(tex: $0, display: false) })
        let appearances = NotationPage.appearances(of: symbols, in: notes, resolutions: resolutions)
        var rows: [NotationPage.Row] = []
        for (symbol, notes) in zip(symbols, appearances) {
            if notes.isEmpty {
                diagnostics.append(Diagnostic(
                    .warning, .notationUnused, "the notation declares \(symbol.tex), and no formula of any note uses it (match: \(symbol.patterns.joined(separator: ", ")))",
                    at: symbol.location))
            }
            rows.append(NotationPage.Row(
                symbolHTML: try declaredMath(symbol.tex, at: symbol.location), shapeHTML: try symbol.shape.map { try declaredMath($0, at: symbol.location) },
                meaning: symbol.meaning, swift: symbol.swift, macro: symbol.macro, notes: notes))
        }
        let view = NotationPage(
            title: "Notation", windowTitle: "Notation · \(options.title)", courseTitle: options.title,
            description: "The notation of \(options.title): every symbol, its meaning, shape and Swift name, and where it appears.",
            author: options.author, canonical: options.canonicalURL(of: "notation.html"), rows: rows)
        try write(try templates.render(view, with: "notation"), to: "notation.html")
    }

    /// KaTeX's HTML for TeX the course's settings declare; rejected TeX is an error at `location`.
    private mutating func declaredMath(_ tex: String, at location: NoteLocation) throws -> String {
        switch try math.render(tex, display: false) {
        case .html(let html, _):
            return html
        case .error(let message):
            diagnostics.append(Diagnostic(.error, .mathTeXError, "TeX error in the notation: \(message)", at: location))
            return "<code class=\"math-source\">\(tex.htmlEscaped)</code>"
        }
    }

    /// The search page, the page for addresses that lead nowhere, and (with the site's public
    /// address) the sitemap, which leaves out the whole-course page (the notes' own pages hold it).
    private mutating func writeSitePages(pages: inout [String]) throws {
        let view = SitePage(
            title: options.title, windowTitle: "Search · \(options.title)", courseTitle: options.title, root: "",
            description: nil, author: options.author, canonical: options.canonicalURL(of: "search.html"))
        try write(try templates.render(view, with: "search"), to: "search.html")
        var notFound = view
        notFound.windowTitle = "Not found · \(options.title)"
        notFound.canonical = nil
        try write(try templates.render(notFound, with: "notfound"), to: "404.html")
        pages += ["search.html", "404.html"]
        if options.publicURL != nil {
            let urls = pages.filter { $0 != "404.html" && $0 != "print.html" }.compactMap { options.canonicalURL(of: $0) }
            let sitemap = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + urls.map { "<url><loc>\($0.htmlEscaped)</loc></url>\n" }.joined() + "</urlset>\n"
            try write(sitemap, to: "sitemap.xml")
        }
    }

    /// A note's page, with what rendering it said and what search finds on it.
    private func page(
        for note: Note, resolution: NoteResolution, previous: NotePage.Link?, next: NotePage.Link?
    ) throws -> (NotePage, PageReuse.Made, PrintPage.Part) {
        var renderer = renderer(for: note, resolution: resolution)
        let part = try renderer.printPart()
        let (title, body) = (part.titleHTML, part.body)
        let made = PageReuse.Made(
            diagnostics: renderer.diagnostics, search: Self.searchDocuments(note, resolution: resolution, declarations: renderer.declarations))
        let page = NotePage(
            title: note.title, windowTitle: "\(note.title) · \(options.title)", description: note.summary,
            author: options.author, canonical: options.canonicalURL(of: note.pagePath), root: SitePath.root(of: note.pagePath),
            titleHTML: title, titleAnchor: note.titleHeading?.anchor, isDraft: note.isDraft,
            contents: note.headings.filter { $0.level > 1 && $0.level <= 3 }.map {
                NotePage.Contents(anchor: $0.anchor, text: $0.content.plainText, level: $0.level)
            },
            previous: previous, next: next, body: body,
            results: ResultsSection(notePath: note.path, reports: reports),
            declarations: Self.declarationIndex(renderer.declarations),
            source: note.path, sourceDigest: note.sourceDigest
        )
        return (page, made, part)
    }

    /// A renderer of `note`'s page, with the checks' reports.
    private func renderer(for note: Note, resolution: NoteResolution) -> NoteRenderer {
        var renderer = NoteRenderer(note: note, resolution: resolution, allowsRawHTML: options.allowsRawHTML, math: math)
        renderer.reports = reports
        return renderer
    }

    /// What search should find on `note`'s page: the note, its headings, its labelled equations
    /// and its Swift declarations.
    private static func searchDocuments(
        _ note: Note, resolution: NoteResolution, declarations: [(declaration: SwiftDeclaration, block: ResolvedCodeBlock)]
    ) -> [SearchIndex.Document] {
        guard !note.isDraft else { return [] }
        var documents: [SearchIndex.Document] = []
        let page = SitePath.encodedHref(note.pagePath)
        var prose: [String] = []
        Block.forEach(in: note.blocks) { if case .paragraph(let paragraph) = $0 { prose.append(SearchText.of(paragraph.content)) } }
        documents.append(SearchIndex.document(title: note.title, note: note.title, href: page, text: ([note.summary ?? ""] + prose).joined(separator: " ")))
        for heading in note.headings where heading.level > 1 {
            documents.append(SearchIndex.document(title: heading.content.plainText, note: note.title, href: page + "#" + heading.anchor, text: ""))
        }
        let math = Dictionary(note.displayMath.compactMap { math in math.label.map { ($0, math.tex) } }, uniquingKeysWith: { first, _ in first })
        for equation in resolution.equations {
            documents.append(SearchIndex.document(
                title: "Equation (\(equation.number)) \(equation.label)", note: note.title, href: page + "#" + equation.label,
                text: equation.label + " " + SearchText.words(ofTeX: math[equation.label] ?? "")))
        }
        var seen = Set<String>()
        for (declaration, block) in declarations where seen.insert(declaration.name + declaration.kind).inserted {
            documents.append(SearchIndex.document(
                title: "\(declaration.name) (\(declaration.kind))", note: note.title, href: page + "#" + block.anchor,
                text: Self.searchWords(declaration.name)))
        }
        return documents
    }

    /// A Swift name as words search matches: `ThreeLayer.forward(_:_:)` -> `ThreeLayer.forward ThreeLayer forward`.
    private static func searchWords(_ name: String) -> String {
        let bare = String(name.prefix { $0 != "(" })
        return ([bare] + bare.split(separator: ".").map(String.init)).joined(separator: " ")
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
                sections.append(IndexPage.Section(folder: note.folder, heading: title, notes: []))
            }
            sections[sections.count - 1].notes.append(entry)
        }
        return IndexPage(
            title: options.title, windowTitle: options.title, description: options.description, author: options.author,
            canonical: options.canonicalURL(of: "index.html"), sections: sections, courseTitle: options.title, checksRun: reports != nil,
            hasNotation: !options.notation.isEmpty, hasPrintPage: options.printsWholeCourse,
            hasCoursePages: !options.notation.isEmpty || options.printsWholeCourse)
    }

    /// `toc.js`: the script that fills every page's sidebar with the `listing` notes (`Assets/toc.js`
    /// called on the `sidebar` template's HTML of them, its links from the site's root).
    private func tocScript(listing listed: [Note]) throws -> Data {
        let sidebar = try self.sidebar(try sidebarEntries(of: listed, from: "index.html"), current: nil, contents: [])
        let html = try templates.render(SidebarView(sections: sidebar), with: "sidebar")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        guard let fill = try? Data(contentsOf: templates.assets.appendingPathComponent("toc.js")) else {
            throw WeaveError.resourceMissing("Assets/toc.js")
        }
        return fill + Data("(".utf8) + (try encoder.encode(html)) + Data(");\n".utf8)
    }

    /// A sidebar entry of a page that is not the entry's own, with its HTML and its note's folder,
    /// which has a section of the sidebar under `heading`.
    private struct SidebarEntryHTML {
        var entry: NotePage.SidebarEntry
        var html: String
        var folder: String
        var heading: String?
    }

    /// The sidebar's entry of each listed note as a page at `page` shows it when it is not the
    /// note's own (any page of the same folder shows the same).
    private func sidebarEntries(of listed: [Note], from page: String) throws -> [SidebarEntryHTML] {
        try listed.concurrentMap(jobs: options.jobs) { note in
            let entry = NotePage.SidebarEntry(
                href: SitePath.encodedHref(SitePath.href(from: page, to: note.pagePath)), title: note.title, current: false, contents: [])
            let folder = note.folder
            return SidebarEntryHTML(
                entry: entry, html: try templates.render(entry, with: "sidebar-entry"), folder: folder,
                heading: folder.isEmpty ? nil : note.isFolderIndex ? note.title : folder)
        }
    }

    /// The listed notes as the sidebar of the page of the one at `current`, as `entries` show
    /// them from a page of its folder: a section per folder, the current entry rendered with the
    /// page's `contents`.
    private func sidebar(
        _ entries: [SidebarEntryHTML], current: Int?, contents: [NotePage.Contents]
    ) throws -> [NotePage.SidebarSection] {
        var sections: [(folder: String, section: NotePage.SidebarSection, html: [String])] = []
        for (place, other) in entries.enumerated() {
            var (entry, html) = (other.entry, other.html)
            if place == current {
                entry.current = true
                entry.contents = contents
                html = try templates.render(entry, with: "sidebar-entry")
            }
            if sections.last?.folder != other.folder {
                sections.append((other.folder, NotePage.SidebarSection(heading: other.heading, notes: []), []))
            }
            sections[sections.count - 1].section.notes.append(entry)
            sections[sections.count - 1].html.append(html)
        }
        return sections.map { folder in
            var section = folder.section
            section.entriesHTML = folder.html.joined()
            return section
        }
    }

    /// The folder of the page at `page` (`part` for `part/a.html`, empty at the root).
    private static func folder(of page: String) -> String {
        page.split(separator: "/").dropLast().joined(separator: "/")
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
        try files.write(Data(html.utf8), to: path)
    }
}
