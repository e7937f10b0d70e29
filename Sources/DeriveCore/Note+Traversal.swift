extension Note {
    /// Every code block of the note, in document order, however deeply nested.
    public var codeBlocks: [CodeBlock] {
        var found: [CodeBlock] = []
        Block.forEach(in: blocks) { if case .code(let code) = $0 { found.append(code) } }
        return found
    }

    /// Every display math block of the note, in document order, however deeply nested.
    public var displayMath: [DisplayMath] {
        var found: [DisplayMath] = []
        Block.forEach(in: blocks) { if case .math(let math) = $0 { found.append(math) } }
        return found
    }

    /// Every figure of the note, in document order, however deeply nested.
    public var figures: [Figure] {
        var found: [Figure] = []
        Block.forEach(in: blocks) { if case .figure(let figure) = $0 { found.append(figure) } }
        return found
    }

    /// Every footnote definition of the note, in document order.
    public var footnotes: [Footnote] {
        var found: [Footnote] = []
        Block.forEach(in: blocks) { if case .footnote(let footnote) = $0 { found.append(footnote) } }
        return found
    }

    /// The label of every footnote reference in the note's prose, in document order.
    public var footnoteReferences: [String] {
        var found: [String] = []
        forEachInline { if case .footnoteReference(let label) = $0 { found.append(label) } }
        return found
    }

    /// Every link and image of the note's prose and figures: its destination and where it is.
    public var links: [(destination: String, isImage: Bool, location: NoteLocation?)] {
        var found: [(String, Bool, NoteLocation?)] = []
        Block.forEach(in: blocks) { if case .figure(let figure) = $0 { found.append((figure.source, true, figure.location)) } }
        forEachInline { inline in
            switch inline {
            case .link(let destination, _, _, let location): found.append((destination, false, location))
            case .image(let source, _, _, let location): found.append((source, true, location))
            default: break
            }
        }
        return found
    }

    /// Every citation in the note's prose, in document order.
    public var citations: [Citation] {
        var found: [Citation] = []
        forEachInline { if case .citation(let citation) = $0 { found.append(citation) } }
        return found
    }

    /// Calls `body` on every inline of the note (paragraphs, headings, figure captions, table
    /// cells, footnotes) and on the inlines inside it, in document order.
    public func forEachInline(_ body: (Inline) -> Void) {
        Block.forEach(in: blocks) { block in
            switch block {
            case .paragraph(let paragraph): Inline.forEach(in: paragraph.content, body)
            case .heading(let heading): Inline.forEach(in: heading.content, body)
            case .figure(let figure): Inline.forEach(in: figure.caption, body)
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach { Inline.forEach(in: $0, body) }
            case .footnote(let footnote): Inline.forEach(in: footnote.content, body)
            default: break
            }
        }
    }

    /// Every heading of the note, in document order (headings inside quotes and lists included).
    public var headings: [Heading] {
        var found: [Heading] = []
        Block.forEach(in: blocks) { if case .heading(let heading) = $0 { found.append(heading) } }
        return found
    }
}

extension Block {
    /// Calls `body` on every block in `blocks` and in the blocks they contain, in document order.
    public static func forEach(in blocks: [Block], _ body: (Block) -> Void) {
        for block in blocks {
            body(block)
            switch block {
            case .quote(let quote): forEach(in: quote.blocks, body)
            case .list(let list): list.items.forEach { forEach(in: $0, body) }
            default: break
            }
        }
    }
}

extension Inline {
    /// Calls `body` on every inline in `inlines` and in the inlines they contain, in document order.
    public static func forEach(in inlines: [Inline], _ body: (Inline) -> Void) {
        for inline in inlines {
            body(inline)
            switch inline {
            case .emphasis(let content), .strong(let content), .strikethrough(let content), .link(_, _, let content, _),
                 .image(_, _, let content, _):
                forEach(in: content, body)
            default: break
            }
        }
    }
}
