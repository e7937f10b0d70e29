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

    /// Where an inline node starts in the note: on the line cmark reports, at the note's column of
    /// the column cmark reports in the protected line.
    private func location(_ node: MarkdownNode) -> NoteLocation? {
        guard node.startLine > 0 else { return nil }
        return NoteLocation(file: file, line: node.startLine, column: sourceColumn(ofProtected: max(1, node.startColumn), line: node.startLine))
    }

    /// The note's column of `column` in the protected text of `line`: each span of one line before
    /// it there is a placeholder longer or shorter than the span (`MathProtector`).
    private func sourceColumn(ofProtected column: Int, line: Int) -> Int {
        var (low, high) = (0, spans.count)
        while low < high {
            let middle = (low + high) / 2
            if spans[middle].start.line < line { low = middle + 1 } else { high = middle }
        }
        var shift = 0  // protected columns minus the note's, so far along the line
        for index in low..<spans.count {
            let span = spans[index]
            guard span.start.line == line, span.end.line == line, span.start.column + shift < column else { break }
            let placeholder = Placeholder.bytes(Placeholder.math).count + String(index).utf8.count + Placeholder.bytes(Placeholder.end).count
            shift += placeholder - (span.end.column - span.start.column)
        }
        return column - shift
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

        /// A text with placeholders, read over its UTF-8: the text between placeholders copied a
        /// run at a time. Every placeholder scalar is three bytes, `EE 80 8x` (U+E000 to U+E003),
        /// and no byte of another scalar's encoding starts such a run.
        mutating func read(text literal: String) {
            var literal = literal
            literal.withUTF8 { bytes in
                func placeholder(at offset: Int) -> Unicode.Scalar? {
                    guard offset + 2 < bytes.count, bytes[offset] == 0xEE, bytes[offset + 1] == 0x80, bytes[offset + 2] & 0xFC == 0x80
                    else { return nil }
                    return Unicode.Scalar(0xE000 + UInt32(bytes[offset + 2] & 0x03))
                }
                var run = 0, offset = 0
                while offset < bytes.count {
                    if index != nil {
                        // Inside a placeholder only its end and its digits matter: any other byte
                        // (of a scalar of any length) skips to the end, as a whole scalar would.
                        if let scalar = placeholder(at: offset), scalar == Placeholder.end {
                            read(scalar)
                            offset += 3
                        } else {
                            read(bytes[offset].isDigit ? Unicode.Scalar(bytes[offset]) : Placeholder.filler)
                            offset += 1
                        }
                        run = offset
                    } else if let scalar = placeholder(at: offset), scalar == Placeholder.math || scalar == Placeholder.citation {
                        text += String(decoding: bytes[run..<offset], as: UTF8.self)
                        read(scalar)
                        offset += 3
                        run = offset
                    } else {
                        offset += 1
                    }
                }
                text += String(decoding: bytes[run...], as: UTF8.self)
            }
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
