import DeriveCore
import Foundation

/// What parsing one note gave: the note (nil only when it could not be read at all) and every
/// diagnostic found on the way.
public struct ParsedNote: Sendable {
    /// The note, if its bytes could be read as UTF-8.
    public var note: Note?
    /// Errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]
}

/// Parses notes: front matter, then math protected from Markdown, then cmark, then the note model
/// with math, citations and code blocks read. Labels, citations and chunks are resolved later,
/// once for every stage (DeriveResolve).
public struct NoteParser: Sendable {
    /// The largest note read, in bytes (64 MiB): time and memory grow linearly with a note's size
    /// (about 0.13 s and 19 MiB per MiB in a release build, 2.3x the time of `cmark` on the note
    /// and 0.8x its memory; Documentation/Limits.md), and a larger note is refused at its first line.
    public static let maximumSize = 64 << 20

    /// Creates a parser.
    public init() {}

    /// Parses the note at `url`, naming it `path` in every location (`Notes/01-intro.md`);
    /// `relativePath` is its path inside the notes folder (default: its file name).
    public func parse(contentsOf url: URL, path: String, relativePath: String? = nil) -> ParsedNote {
        let read: Read
        do {
            // The file's bytes live only until its lines are split out of them.
            read = try Data(contentsOf: url).withUnsafeBytes { Self.read($0.bindMemory(to: UInt8.self), path: path) }
        } catch {
            return ParsedNote(note: nil, diagnostics: [Diagnostic(
                .error, .noteUnreadable, "cannot read the note: \(error.localizedDescription)",
                at: NoteLocation(file: path, line: 1))])
        }
        return parse(read, path: path, relativePath: relativePath)
    }

    /// Parses a note's bytes, naming it `path` in every location.
    public func parse(_ bytes: [UInt8], path: String, relativePath: String? = nil) -> ParsedNote {
        parse(bytes.withUnsafeBufferPointer { Self.read($0, path: path) }, path: path, relativePath: relativePath)
    }

    /// Parses a note's text, naming it `path` in every location.
    public func parse(_ text: String, path: String, relativePath: String? = nil) -> ParsedNote {
        var text = text
        return parse(text.withUTF8 { Self.read($0, path: path) }, path: path, relativePath: relativePath)
    }

    /// A note's bytes, read: its lines and digest, or why it is not read.
    private enum Read {
        case lines(SourceText, digest: String)
        case refused(ParsedNote)
    }

    /// Checks that `bytes` are not too large (whatever they hold) and are UTF-8, and splits them into lines.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Read {
        guard bytes.count <= maximumSize else {
            return .refused(ParsedNote(note: nil, diagnostics: [Diagnostic(
                .error, .noteTooLarge,
                "the note is \(bytes.count >> 20) MiB; Derive reads notes of at most \(maximumSize >> 20) MiB (split it into several notes)",
                at: NoteLocation(file: path, line: 1))]))
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return .refused(ParsedNote(note: nil, diagnostics: [Diagnostic(
                .error, .noteNotUTF8, "the note is not UTF-8 text (the first invalid byte is here)",
                at: firstInvalidUTF8(in: Array(bytes), file: path))]))
        }
        return .lines(SourceText(bytes: bytes), digest: ContentDigest.hex(of: bytes))
    }

    private func parse(_ read: Read, path: String, relativePath: String?) -> ParsedNote {
        switch read {
        case .refused(let refusal): refusal
        case .lines(let source, let digest): parse(source, digest: digest, path: path, relativePath: relativePath)
        }
    }

    private func parse(_ source: consuming SourceText, digest: String, path: String, relativePath: String?) -> ParsedNote {
        let (frontMatter, frontMatterDiagnostics) = FrontMatter.read(source, file: path)
        for line in 0..<frontMatter.lineCount { source.lines[line] = [] }
        var diagnostics = frontMatterDiagnostics

        let blocks = CmarkDocument.parse(lines: source.lines, blocksOnly: true)
        let codeAndHTML = Self.codeAndHTMLLines(blocks)
        let spans = protectedSpans(source, blocks: blocks, codeAndHTML: codeAndHTML, file: path, diagnostics: &diagnostics)
        let protected = FootnoteMarks.mark(MathProtector.protect(source, spans: spans), skipping: codeAndHTML)
        let document = CmarkDocument.parse(lines: protected)
        if let line = document.nestingCutAtLine {
            diagnostics.append(Diagnostic(
                .error, .markdownTooDeep,
                "Markdown nested more than \(CmarkDocument.maximumNesting) levels deep (block quotes, lists or emphasis); Derive reads at most \(CmarkDocument.maximumNesting), the rest is left out",
                at: NoteLocation(file: path, line: max(1, line), column: 1)))
        }
        var builder = NoteBuilder(source: source, protected: protected, spans: spans, file: path)
        let noteBlocks = builder.blocks(document.children)
        diagnostics += builder.diagnostics

        let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let firstTitle = noteBlocks.lazy.compactMap { block -> String? in
            if case .heading(let heading) = block, heading.level == 1 { return heading.content.plainText }
            return nil
        }.first
        let note = Note(
            path: path, stem: stem, title: frontMatter.title ?? firstTitle ?? stem, summary: frontMatter.summary,
            isDraft: frontMatter.isDraft, blocks: noteBlocks, sourceDigest: digest,
            relativePath: relativePath ?? URL(fileURLWithPath: path).lastPathComponent)
        return ParsedNote(note: note, diagnostics: diagnostics)
    }

    /// Math and citations, found in two passes: multi-line display math first (it can change
    /// block structure), then, within each paragraph and heading cmark then sees, inline spans.
    /// `blocks` is the note's block structure before any protection; `codeAndHTML`, its code and
    /// HTML lines.
    private func protectedSpans(
        _ source: SourceText, blocks raw: MarkdownNode, codeAndHTML skipped: Set<Int>, file: String, diagnostics: inout [Diagnostic]
    ) -> [ProtectedSpan] {
        let display = DisplayMathScanner(source: source, skippedLines: skipped, file: file).scan()
        diagnostics += display.diagnostics

        var spans = display.spans
        // The block structure changes only where display math was protected, and not even there
        // when each span lies inside one paragraph.
        let structure = Self.protectionKeepsStructure(of: raw, spans: display.spans)
            ? raw : CmarkDocument.parse(lines: MathProtector.protect(source, spans: display.spans), blocksOnly: true)
        structure.forEachNode { node in
            guard node.kind == .paragraph || node.kind == .heading else { return }
            let text = LeafText(source, firstLine: node.startLine, lastLine: node.endLine)
            // The display spans overlapping the node's lines: sorted and disjoint, so found by
            // binary search, not by a scan of every span for every paragraph.
            var first = 0, past = display.spans.count
            while first < past {
                let middle = (first + past) / 2
                if display.spans[middle].end.line < node.startLine { first = middle + 1 } else { past = middle }
            }
            let claimed = display.spans[first...].prefix { $0.start.line <= node.endLine }.map { span -> Range<Int> in
                let lower = text.offset(of: span.start) ?? 0
                let upper = text.offset(of: span.end) ?? text.bytes.count
                return lower..<max(lower, upper)
            }
            let inline = InlineMathScanner(text: text, claimed: claimed, file: file).scan()
            spans += inline.spans
            // An unclosed `$$` at the start of a line is reported once, by the display scanner.
            diagnostics += inline.diagnostics.filter { found in
                !display.diagnostics.contains { $0.id == found.id && $0.location == found.location }
            }
        }
        return spans.sorted { $0.start < $1.start }
    }

    /// Whether protecting display math `spans` (sorted) leaves the blocks of `document` as they
    /// are: when each span lies inside one paragraph. Its lines then continue that paragraph (a
    /// line of TeX that started a list, a heading or a quote would have ended it), and as
    /// placeholders, which start no block, they still do, with their container prefixes kept.
    private static func protectionKeepsStructure(of document: MarkdownNode, spans: [ProtectedSpan]) -> Bool {
        guard !spans.isEmpty else { return true }
        var paragraphs: [ClosedRange<Int>] = []
        document.forEachNode { node in
            if node.kind == .paragraph { paragraphs.append(node.startLine...max(node.startLine, node.endLine)) }
        }
        // Paragraphs in document order are in line order, as the spans are: one walk over both.
        var index = 0
        for span in spans {
            while index < paragraphs.count, paragraphs[index].upperBound < span.start.line { index += 1 }
            guard index < paragraphs.count, paragraphs[index].contains(span.start.line), paragraphs[index].contains(span.end.line)
            else { return false }
        }
        return true
    }

    /// The lines of code and HTML blocks, where nothing is math and nothing is a footnote.
    private static func codeAndHTMLLines(_ document: MarkdownNode) -> Set<Int> {
        var lines = Set<Int>()
        document.forEachNode { node in
            if node.kind == .codeBlock || node.kind == .htmlBlock { lines.formUnion(node.startLine...max(node.startLine, node.endLine)) }
        }
        return lines
    }

    /// The location of the first byte that breaks UTF-8 in `bytes`.
    static func firstInvalidUTF8(in bytes: [UInt8], file: String) -> NoteLocation {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.count || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return NoteLocation(file: file, line: line, column: index - lineStart + 1)
            }
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = end
            }
            index = end
        }
        return NoteLocation(file: file, line: line, column: index - lineStart + 1)
    }
}

extension MarkdownNode {
    /// Calls `body` on this node and every node below it, in document order.
    func forEachNode(_ body: (MarkdownNode) -> Void) {
        body(self)
        children.forEach { $0.forEachNode(body) }
    }
}
