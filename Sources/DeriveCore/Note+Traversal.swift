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
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .footnoteReference(let label): found.append(label)
                case .emphasis(let content), .strong(let content), .strikethrough(let content), .link(_, _, let content, _): visit(content)
                default: break
                }
            }
        }
        Block.forEach(in: blocks) { block in
            switch block {
            case .paragraph(let paragraph): visit(paragraph.content)
            case .heading(let heading): visit(heading.content)
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(visit)
            case .footnote(let footnote): visit(footnote.content)
            default: break
            }
        }
        return found
    }

    /// Every link and image of the note's prose and figures: its destination and where it is.
    public var links: [(destination: String, isImage: Bool, location: NoteLocation?)] {
        var found: [(String, Bool, NoteLocation?)] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .link(let destination, _, let content, let location):
                    found.append((destination, false, location))
                    visit(content)
                case .image(let source, _, let alt, let location):
                    found.append((source, true, location))
                    visit(alt)
                case .emphasis(let content), .strong(let content), .strikethrough(let content): visit(content)
                default: break
                }
            }
        }
        Block.forEach(in: blocks) { block in
            switch block {
            case .paragraph(let paragraph): visit(paragraph.content)
            case .heading(let heading): visit(heading.content)
            case .figure(let figure):
                found.append((figure.source, true, figure.location))
                visit(figure.caption)
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(visit)
            case .footnote(let footnote): visit(footnote.content)
            default: break
            }
        }
        return found
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

extension Note {
    /// Every citation in the note's prose, in document order.
    public var citations: [Citation] {
        var found: [Citation] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .citation(let citation): found.append(citation)
                case .emphasis(let content), .strong(let content), .strikethrough(let content), .link(_, _, let content, _),
                     .image(_, _, let content, _):
                    visit(content)
                default: break
                }
            }
        }
        Block.forEach(in: blocks) { block in
            switch block {
            case .paragraph(let paragraph): visit(paragraph.content)
            case .heading(let heading): visit(heading.content)
            case .figure(let figure): visit(figure.caption)
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(visit)
            default: break
            }
        }
        return found
    }
}
