import DeriveCore
import Foundation

/// Turns cmark's tree of a protected note into the note's blocks, restoring math and citations,
/// reading code blocks' info strings and checking their fences.
struct NoteBuilder {
    let source: SourceText
    /// The note's lines as cmark saw them, placeholders for math and citations.
    let protected: [[UInt8]]
    let restorer: PlaceholderRestorer
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors = HeadingAnchors()

    init(source: SourceText, protected: [[UInt8]], spans: [ProtectedSpan], file: String) {
        self.source = source
        self.protected = protected
        self.restorer = PlaceholderRestorer(spans: spans, file: file)
        self.file = file
    }

    /// The blocks of `nodes`, in document order.
    mutating func blocks(_ nodes: [MarkdownNode]) -> [Block] {
        nodes.flatMap { block($0) }
    }

    private func location(_ node: MarkdownNode) -> NoteLocation {
        NoteLocation(file: file, line: node.startLine, column: max(1, node.startColumn))
    }

    private mutating func block(_ node: MarkdownNode) -> [Block] {
        switch node.kind {
        case .paragraph: return paragraph(node)
        case .heading:
            var content = GitHubInlines.apply(restorer.inlines(node.children))
            let explicit = Self.takeIdentifier(from: &content)
            return [.heading(Heading(
                level: node.headingLevel, content: content, anchor: anchors.anchor(for: content.plainText, explicit: explicit),
                location: location(node)))]
        case .codeBlock: return [codeBlock(node)]
        case .htmlBlock: return [.html(HTMLBlock(html: node.literal, location: location(node)))]
        case .blockQuote:
            var children = blocks(node.children)
            let callout = Self.takeCallout(from: &children)
            return [.quote(BlockQuote(blocks: children, location: location(node), callout: callout))]
        case .list:
            var items = node.children.map { blocks($0.children) }
            let tasks = items.indices.map { Self.takeTaskBox(from: &items[$0]) }
            return [.list(ListBlock(
                isOrdered: node.isOrderedList, start: node.listStart, isTight: node.isTightList, items: items,
                location: location(node), tasks: tasks.contains { $0 != nil } ? tasks : []))]
        case .thematicBreak: return [.thematicBreak(location(node))]
        default: return blocks(node.children)
        }
    }

    /// A paragraph, split where display math stands inside it; a pipe table if it holds one.
    private mutating func paragraph(_ node: MarkdownNode) -> [Block] {
        if let table = table(in: node) { return table }
        return prose(node)
    }

    /// A paragraph of prose (and display math).
    private mutating func prose(_ node: MarkdownNode) -> [Block] {
        var result: [Block] = []
        var run: [Inline] = []
        var runLine = node.startLine
        func flush(into result: inout [Block]) {
            while let first = run.first, first.isBreakOrSpace { run.removeFirst() }
            while let last = run.last, last.isBreakOrSpace { run.removeLast() }
            run = GitHubInlines.apply(run)
            if !run.isEmpty {
                let column = runLine == node.startLine ? max(1, node.startColumn) : 1
                if FootnoteMarks.definition(run) != nil {
                    // Definitions on consecutive lines make one paragraph for cmark: each starts a footnote.
                    var line = runLine
                    for piece in FootnoteMarks.definitions(run) {
                        if let (label, content) = FootnoteMarks.definition(piece.content) {
                            result.append(.footnote(Footnote(
                                label: label, content: content, location: NoteLocation(file: file, line: line, column: line == runLine ? column : 1))))
                        }
                        line += piece.lines
                    }
                    run = []
                    return
                }
                result.append(.paragraph(Paragraph(content: run, location: NoteLocation(file: file, line: runLine, column: column))))
            }
            run = []
        }
        for piece in restorer.pieces(node.children) {
            switch piece {
            case .inline(let inline): run.append(inline)
            case .display(let span):
                flush(into: &result)
                result.append(.math(displayMath(span)))
                runLine = span.end.line
            }
        }
        flush(into: &result)
        return result.map(Self.figure)
    }

    /// A paragraph that is one image, optionally followed by `{#fig-name}`, as a figure.
    private static func figure(_ block: Block) -> Block {
        guard case .paragraph(let paragraph) = block, case .image(let source, let title, let alt, let location)? = paragraph.content.first
        else { return block }
        let rest = paragraph.content.dropFirst().map(\.plainText).joined().trimmingCharacters(in: .whitespaces)
        var label: String?
        if !rest.isEmpty {
            guard rest.hasPrefix("{#fig-"), rest.hasSuffix("}"), rest.count > 7, !rest.dropFirst().contains("{") else { return block }
            label = String(rest.dropFirst(2).dropLast())
        }
        return .figure(Figure(source: source, title: title, caption: alt, label: label, location: location ?? paragraph.location))
    }

    /// Removes a trailing `{#id}` from a heading's content (pandoc's header identifier) and returns the id.
    private static func takeIdentifier(from content: inout [Inline]) -> String? {
        guard case .text(let text)? = content.last, text.containsBytes("{#"),
              let match = text.firstMatch(of: /\s*\{#([A-Za-z][A-Za-z0-9_:.-]*)\}\s*$/) else { return nil }
        let kept = String(text[..<match.range.lowerBound])
        content.removeLast()
        if !kept.isEmpty { content.append(.text(kept)) }
        return String(match.output.1)
    }

    /// Removes a leading `[ ]` or `[x]` (GitHub's task list box) from an item and returns whether it is checked.
    private static func takeTaskBox(from item: inout [Block]) -> Bool? {
        guard case .paragraph(var paragraph)? = item.first, case .text(let text)? = paragraph.content.first,
              let box = ["[ ] ", "[x] ", "[X] "].first(where: { text.hasPrefix($0) || text == $0.dropLast() }) else { return nil }
        let rest = text.dropFirst(min(box.count, text.count))
        paragraph.content.removeFirst()
        if !rest.isEmpty { paragraph.content.insert(.text(String(rest)), at: 0) }
        item[0] = .paragraph(paragraph)
        return box != "[ ] "
    }

    /// The kinds of GitHub's callouts, `> [!NOTE]` and the like.
    static let calloutKinds = ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"]

    /// Removes a leading `[!NOTE]` (or another kind) from a quote's first paragraph and returns the kind, lowercased.
    private static func takeCallout(from blocks: inout [Block]) -> String? {
        guard case .paragraph(var paragraph)? = blocks.first, case .text(let text)? = paragraph.content.first,
              let kind = calloutKinds.first(where: { text.hasPrefix("[!\($0)]") }) else { return nil }
        let rest = String(text.dropFirst(kind.count + 3)).drop { $0 == " " || $0 == "\t" }
        paragraph.content.removeFirst()
        if !rest.isEmpty { paragraph.content.insert(.text(String(rest)), at: 0) }
        while let first = paragraph.content.first, first.isBreakOrSpace { paragraph.content.removeFirst() }
        if paragraph.content.isEmpty { blocks.removeFirst() } else { blocks[0] = .paragraph(paragraph) }
        return kind.lowercased()
    }

    private mutating func displayMath(_ span: ProtectedSpan) -> DisplayMath {
        var label: String?
        var labelLocation: NoteLocation?
        if case .displayMath(let name?, let column) = span.kind {
            label = name
            labelLocation = NoteLocation(file: file, line: span.end.line, column: column)
        }
        return DisplayMath(
            tex: span.tex, label: label, location: span.start.location(in: file), texLocation: span.texStart.location(in: file),
            labelLocation: labelLocation)
    }

    private mutating func codeBlock(_ node: MarkdownNode) -> Block {
        let line = source.bytes(ofLine: node.startLine)
        let fenceStart = max(0, node.startColumn - 1)
        let fence = fenceStart < line.count && (line[fenceStart] == UInt8(ascii: "`") || line[fenceStart] == UInt8(ascii: "~"))
            ? line[fenceStart...].prefix { $0 == line[fenceStart] } : []
        guard fence.count >= 3 else {
            return .code(CodeBlock(
                language: "", words: [], attributes: CodeAttributes(), code: node.literal, location: location(node),
                firstCodeLine: node.startLine, codeColumn: node.startColumn + 4))
        }
        checkClosingFence(of: node, fenceByte: fence.first!, fenceLength: fence.count)
        let infoOffset = fenceStart + fence.count
        var info = CodeInfoParser(file: file).parse(Array(line[infoOffset...]), line: node.startLine, column: infoOffset + 1)
        diagnostics += info.diagnostics
        // The language as cmark reads it: backslash escapes and entities decoded (`foo\+bar` is `foo+bar`).
        if !info.language.isEmpty, let decoded = node.fenceInfo.split(whereSeparator: { $0 == " " || $0 == "\t" }).first,
           !decoded.hasPrefix("{") {
            info.language = String(decoded)
        }
        if info.language == "math" {
            let texLocation = NoteLocation(file: file, line: node.startLine + 1, column: node.startColumn)
            return .math(DisplayMath(
                tex: node.literal.trimmingWhitespace(), label: info.equationLabel, location: location(node), texLocation: texLocation))
        }
        return .code(CodeBlock(
            language: info.language, words: info.words, attributes: info.attributes, code: node.literal,
            location: location(node), firstCodeLine: node.startLine + 1, codeColumn: node.startColumn))
    }

    /// Warns when a fence is never closed: CommonMark then runs the block to the end of its container.
    private mutating func checkClosingFence(of node: MarkdownNode, fenceByte: UInt8, fenceLength: Int) {
        let last = source.bytes(ofLine: node.endLine)
        let body = last.dropFirst(SourceText.containerPrefixLength(last))
        let run = body.prefix { $0 == fenceByte }
        let closed = node.endLine > node.startLine && run.count >= fenceLength && body.dropFirst(run.count).allSatisfy(\.isSpaceOrTab)
        if !closed {
            diagnostics.append(Diagnostic(
                .warning, .codeUnterminatedFence,
                "this code fence is never closed, so CommonMark runs the block to the end of the file (or of its list or quote)",
                at: location(node)))
        }
    }
}

private extension Inline {
    var isBreakOrSpace: Bool {
        switch self {
        case .softBreak, .lineBreak: true
        case .text(let text): text.allSatisfy { $0 == " " || $0 == "\t" }
        default: false
        }
    }
}

extension NoteBuilder {
    /// The blocks of a paragraph that holds a pipe table: the lines before its header as a
    /// paragraph, then the table, each cell parsed by cmark as inline content.
    fileprivate mutating func table(in node: MarkdownNode) -> [Block]? {
        guard node.endLine > node.startLine, node.endLine <= protected.count else { return nil }
        let lines = (node.startLine...node.endLine).map { line -> (bytes: [UInt8], column: Int) in
            let bytes = protected[line - 1]
            let prefix = line == node.startLine ? max(0, node.startColumn - 1) : SourceText.containerPrefixLength(bytes)
            return (Array(bytes[min(prefix, bytes.count)...]), min(prefix, bytes.count) + 1)
        }
        guard let table = PipeTable(lines: lines) else { return nil }
        var blocks: [Block] = []
        if table.headerLine > 0 {
            let before = lines[..<table.headerLine].map { String(decoding: $0.bytes, as: UTF8.self) }.joined(separator: "\n")
            let parsed = CmarkDocument.parse(before).shifted(lines: node.startLine - 1, firstColumn: lines[0].column - 1)
            for child in parsed.children where child.kind == .paragraph { blocks += prose(child) }
        }
        func cell(_ cell: PipeTable.Cell, line: Int) -> [Inline] {
            let text = String(decoding: cell.bytes, as: UTF8.self).replacingOccurrences(of: "\\|", with: "|")
            let parsed = CmarkDocument.parse(text).shifted(lines: node.startLine + line - 1, firstColumn: cell.column - 1)
            return parsed.children.first.map { GitHubInlines.apply(restorer.inlines($0.children)) } ?? []
        }
        blocks.append(.table(Table(
            alignments: table.alignments.map { $0 == .none ? nil : $0.rawValue },
            header: table.header.map { cell($0, line: table.headerLine) },
            rows: table.rows.map { row in row.cells.map { cell($0, line: row.line) } },
            location: NoteLocation(file: file, line: node.startLine + table.headerLine, column: lines[table.headerLine].column))))
        return blocks
    }
}
