import DeriveCore

/// Turns cmark's inline nodes, which carry placeholders, back into inline content with math and
/// citations, reading each placeholder's index to find its span.
struct PlaceholderRestorer {
    /// Inline content, or display math that interrupts a paragraph.
    enum Piece {
        case inline(Inline)
        case display(ProtectedSpan)
    }

    let spans: [ProtectedSpan]
    let file: String

    /// The pieces of an inline sequence; display math stays a separate piece.
    func pieces(_ nodes: [MarkdownNode]) -> [Piece] {
        var reader = Reader(restorer: self)
        for node in nodes { reader.read(node) }
        reader.flushText()
        return reader.pieces
    }

    /// The inline content of a sequence; display math here (in a heading, a link) becomes inline math.
    func inlines(_ nodes: [MarkdownNode]) -> [Inline] {
        pieces(nodes).map { piece in
            switch piece {
            case .inline(let inline): inline
            case .display(let span): .math(InlineMath(tex: span.tex, location: span.texStart.location(in: file)))
            }
        }
    }

    /// Where an inline node starts in the note, as cmark reports it.
    private func location(_ node: MarkdownNode) -> NoteLocation? {
        node.startLine > 0 ? NoteLocation(file: file, line: node.startLine, column: max(1, node.startColumn)) : nil
    }

    fileprivate func piece(forSpan index: Int) -> Piece? {
        guard spans.indices.contains(index) else { return nil }
        let span = spans[index]
        switch span.kind {
        case .inlineMath: return .inline(.math(InlineMath(tex: span.tex, location: span.texStart.location(in: file))))
        case .displayMath: return .display(span)
        case .citation(let label): return .inline(.citation(Citation(label: label, location: span.start.location(in: file))))
        }
    }

    private struct Reader {
        let restorer: PlaceholderRestorer
        var pieces: [Piece] = []
        var text = ""
        /// Digits of the placeholder being read, or nil outside placeholders.
        var index: String?
        /// True once the digits are read and the rest of the placeholder is being skipped.
        var skipping = false

        init(restorer: PlaceholderRestorer) { self.restorer = restorer }

        mutating func read(_ node: MarkdownNode) {
            switch node.kind {
            case .text:
                // Every placeholder's first byte is 0xEE (U+E000 to U+E003): a text without one is taken whole.
                if index == nil, !node.literal.utf8.contains(0xEE) {
                    text += node.literal
                } else {
                    read(text: node.literal)
                }
            case .softBreak, .lineBreak:
                if index != nil {
                    skipping = true
                } else {
                    flushText()
                    pieces.append(.inline(node.kind == .softBreak ? .softBreak : .lineBreak))
                }
            default:
                flushText()
                pieces.append(.inline(restorer.inline(node)))
            }
        }

        /// A text with placeholders: the text between them copied a run at a time, not a scalar at a time.
        mutating func read(text literal: String) {
            let scalars = literal.unicodeScalars
            var run = scalars.startIndex
            var position = scalars.startIndex
            while position < scalars.endIndex {
                let scalar = scalars[position]
                let next = scalars.index(after: position)
                if index != nil || scalar == Placeholder.math || scalar == Placeholder.citation {
                    text += literal[run..<position]
                    read(scalar)
                    run = next
                }
                position = next
            }
            text += literal[run...]
        }

        mutating func read(_ scalar: Unicode.Scalar) {
            if let digits = index {
                if scalar == Placeholder.end {
                    if let piece = Int(digits).flatMap(restorer.piece(forSpan:)) { pieces.append(piece) }
                    index = nil
                    skipping = false
                } else if !skipping, ("0"..."9").contains(scalar) {
                    index = digits + String(scalar)
                } else {
                    skipping = true
                }
                return
            }
            if scalar == Placeholder.math || scalar == Placeholder.citation {
                flushText()
                index = ""
            } else {
                text.unicodeScalars.append(scalar)
            }
        }

        mutating func flushText() {
            guard !text.isEmpty else { return }
            pieces.append(.inline(.text(text)))
            text = ""
        }
    }

    /// One non-text inline node with its children restored.
    fileprivate func inline(_ node: MarkdownNode) -> Inline {
        switch node.kind {
        case .code: .code(node.literal)
        case .htmlInline: .html(node.literal)
        case .emphasis: .emphasis(inlines(node.children))
        case .strong: .strong(inlines(node.children))
        case .link: .link(destination: node.url, title: node.title, content: inlines(node.children), location: location(node))
        case .image: .image(source: node.url, title: node.title, alt: inlines(node.children), location: location(node))
        default: .text(node.literal)
        }
    }
}
