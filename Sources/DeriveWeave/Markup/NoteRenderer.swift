import DeriveCore
import DeriveResolve

/// Turns one note's blocks into the HTML of its page body, collecting diagnostics on the way.
///
/// Everything taken from the note is escaped; raw HTML passes only when the options allow it.
struct NoteRenderer {
    /// The note being rendered.
    let note: Note
    /// Whether raw HTML from the note is kept.
    let allowsRawHTML: Bool
    /// The build's KaTeX process.
    let math: KaTeXRenderer
    /// The note's equation numbers, code blocks and chunks, as the resolve stage found them.
    let resolution: NoteResolution
    /// What rendering found wrong.
    var diagnostics: [Diagnostic] = []
    /// The Swift declarations of the compiled blocks rendered so far, with their blocks.
    var declarations: [(declaration: SwiftDeclaration, block: ResolvedCodeBlock)] = []
    /// How many code blocks have been rendered, which numbers the next one.
    var renderedCodeBlocks = 0
    /// The checks' reports, whose outputs `example` blocks show; nil when the checks have not run.
    var reports: CheckReports?

    /// A renderer for `note`, resolved as `resolution` says.
    init(note: Note, resolution: NoteResolution, allowsRawHTML: Bool, math: KaTeXRenderer) {
        self.note = note
        self.resolution = resolution
        self.allowsRawHTML = allowsRawHTML
        self.math = math
    }

    /// The HTML of the page's title: the leading heading's content, else the note's title.
    mutating func title() throws -> String {
        guard let titleHeading = note.titleHeading else { return note.title.htmlEscaped }
        return try inlines(titleHeading.content)
    }

    /// The HTML of the note after its title heading, its footnotes at the end.
    mutating func body() throws -> String {
        try blocks(note.titleHeading == nil ? note.blocks : Array(note.blocks.dropFirst()), tight: false) + (try footnotes())
    }

    /// The page's title and body, as the whole-course page takes them.
    mutating func printPart() throws -> PrintPage.Part {
        let title = try title()
        return PrintPage.Part(titleHTML: title, body: try body())
    }

    /// The footnotes, numbered in the order they are first referred to, as cmark-gfm lists them.
    private mutating func footnotes() throws -> String {
        guard !resolution.footnotes.isEmpty else { return "" }
        let definitions = Dictionary(note.footnotes.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        var html = "<section class=\"footnotes\">\n<ol>\n"
        for label in resolution.footnotes {
            let content = try definitions[label].map { try inlines($0.content) } ?? ""
            html += "<li id=\"fn-\(label.htmlEscaped)\">\n<p>\(content) <a href=\"#fnref-\(label.htmlEscaped)\" class=\"footnote-backref\">↩</a></p>\n</li>\n"
        }
        return html + "</ol>\n</section>\n"
    }

    /// The HTML of `blocks`; in a tight list, paragraphs lose their `<p>` (and, last in their
    /// item, their line break), as cmark writes them.
    mutating func blocks(_ blocks: [Block], tight: Bool) throws -> String {
        var html = ""
        for (index, block) in blocks.enumerated() {
            var part = try self.block(block, tight: tight)
            if tight, index == blocks.count - 1, case .paragraph = block, part.hasSuffix("\n") { part.removeLast() }
            html += part
        }
        return html
    }

    private mutating func block(_ block: Block, tight: Bool) throws -> String {
        switch block {
        case .heading(let heading):
            let tag = "h\(min(max(heading.level, 1), 6))"
            return "<\(tag) id=\"\(heading.anchor.htmlEscaped)\">\(try inlines(heading.content))</\(tag)>\n"
        case .paragraph(let paragraph):
            let content = try inlines(paragraph.content)
            return tight ? content + "\n" : "<p>\(content)</p>\n"
        case .code(let code):
            let block = try codeBlock(code)
            return code.isCompiled && code.attributes.role == .example ? block + (try exampleOutput(code)) : block
        case .math(let display):
            return try equation(display)
        case .html(let raw):
            return rawHTML(raw.html, at: raw.location)
        case .quote(let quote):
            guard let callout = quote.callout else { return "<blockquote>\n\(try blocks(quote.blocks, tight: false))</blockquote>\n" }
            return "<aside class=\"callout callout-\(callout.htmlEscaped)\">\n<p class=\"callout-title\">\((callout.prefix(1).uppercased() + callout.dropFirst()).htmlEscaped)</p>\n"
                + (try blocks(quote.blocks, tight: false)) + "</aside>\n"
        case .figure(let figure):
            return try self.figure(figure)
        case .table(let table):
            return try self.table(table)
        case .footnote:
            return ""  // shown at the end of the page
        case .list(let list):
            return try self.list(list)
        case .thematicBreak:
            return "<hr />\n"
        }
    }

    private mutating func list(_ list: ListBlock) throws -> String {
        let open = list.isOrdered ? (list.start == 1 ? "<ol>" : "<ol start=\"\(list.start)\">") : "<ul>"
        var html = open + "\n"
        for (index, item) in list.items.enumerated() {
            let task = index < list.tasks.count ? list.tasks[index] : nil
            let box = task.map { "<input type=\"checkbox\"\($0 ? " checked=\"\"" : "") disabled=\"\" /> " } ?? ""
            html += "<li>" + box + (try blocks(item, tight: list.isTight)) + "</li>\n"
        }
        return html + (list.isOrdered ? "</ol>\n" : "</ul>\n")
    }

    /// A table as cmark-gfm writes it, in a box that scrolls sideways when it is too wide.
    private mutating func table(_ table: Table) throws -> String {
        func row(_ cells: [[Inline]], tag: String) throws -> String {
            var html = "<tr>\n"
            for (index, cell) in cells.enumerated() {
                let alignment = index < table.alignments.count ? table.alignments[index] : nil
                html += "<\(tag)\(alignment.map { " align=\"\($0)\"" } ?? "")>\(try inlines(cell))</\(tag)>\n"
            }
            return html + "</tr>\n"
        }
        var html = "<div class=\"table\">\n<table>\n<thead>\n" + (try row(table.header, tag: "th")) + "</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n" + (try table.rows.map { try row($0, tag: "td") }.joined()) + "</tbody>\n"
        }
        return html + "</table>\n</div>\n"
    }

    /// A figure: the image, and its number and caption below it.
    private mutating func figure(_ figure: Figure) throws -> String {
        let number = resolution.figureNumber(at: figure.location) ?? 0
        let id = figure.label ?? "figure-\(number)"
        let caption = try inlines(figure.caption)
        return "<figure class=\"figure\" id=\"\(id.htmlEscaped)\">\n\(image(figure.source, title: figure.title, alt: figure.caption))\n"
            + "<figcaption><span class=\"figure-number\">Figure \(number)</span>\(caption.isEmpty ? "" : ": " + caption)</figcaption>\n</figure>\n"
    }

    /// `html` when raw HTML is allowed; otherwise nothing, and a warning saying so.
    mutating func rawHTML(_ html: String, at location: NoteLocation) -> String {
        if allowsRawHTML { return html }
        diagnostics.append(Diagnostic(
            .warning, .htmlOmitted,
            "raw HTML is left out of the site (it is allowed only with the raw-HTML option)", at: location
        ))
        return ""
    }
}
