import DeriveCore

/// Finds display math that opens with `$$` at the start of a line and closes on a later line.
///
/// These run before cmark, because a line inside such math (`- y \log \hat y`, `= 0`) would
/// otherwise start a list or a heading. Math opening and closing on one line is left to
/// `InlineMathScanner`, which sees it inside its paragraph.
struct DisplayMathScanner {
    let source: SourceText
    /// Lines inside code blocks and HTML blocks, where `$$` means nothing.
    let skippedLines: Set<Int>
    let file: String

    /// The multi-line display math spans and an error for each that never closes.
    func scan() -> (spans: [ProtectedSpan], diagnostics: [Diagnostic]) {
        var spans: [ProtectedSpan] = []
        var diagnostics: [Diagnostic] = []
        var line = 1
        while line <= source.lineCount {
            defer { line += 1 }
            guard !skippedLines.contains(line) else { continue }
            let bytes = source.bytes(ofLine: line)
            let prefix = SourceText.containerPrefixLength(bytes)
            guard bytes.count >= prefix + 2, bytes[prefix] == UInt8(ascii: "$"), bytes[prefix + 1] == UInt8(ascii: "$"),
                  Self.closingDelimiter(in: bytes, from: prefix + 2) == nil
            else { continue }
            let opening = ProtectedSpan.Position(line: line, column: prefix + 1)
            guard let closing = closingLine(after: line) else {
                diagnostics.append(Diagnostic(
                    .error, .mathUnclosedDisplay,
                    "display math opened with '$$' never closes (a blank line or the end of its block comes first)",
                    at: opening.location(in: file)))
                continue
            }
            spans.append(span(opening: opening, closingLine: closing.line, closingOffset: closing.offset))
            line = closing.line
        }
        return (spans, diagnostics)
    }

    /// The first line after `line` holding `$$`, and the offset of that `$$`; nil if a blank line,
    /// a code or HTML block, or the end of the note comes first.
    private func closingLine(after line: Int) -> (line: Int, offset: Int)? {
        var next = line + 1
        while next <= source.lineCount, !source.isBlank(next), !skippedLines.contains(next) {
            if let offset = Self.closingDelimiter(in: source.bytes(ofLine: next), from: 0) { return (next, offset) }
            next += 1
        }
        return nil
    }

    private func span(opening: ProtectedSpan.Position, closingLine: Int, closingOffset: Int) -> ProtectedSpan {
        let openingBytes = source.bytes(ofLine: opening.line)
        var lines = [Array(openingBytes[(opening.column + 1)...])]
        for middle in (opening.line + 1)..<closingLine { lines.append(source.bytes(ofLine: middle)) }
        let closingBytes = source.bytes(ofLine: closingLine)
        lines.append(Array(closingBytes[..<closingOffset]))

        var end = closingOffset + 2
        var label: String?
        var labelColumn = 0
        if let found = EquationLabelSyntax.label(in: closingBytes, at: end) {
            label = found.name
            labelColumn = found.start + 1
            end = found.end
        }
        let firstTeXOnOpeningLine = openingBytes[(opening.column + 1)...].contains { !$0.isSpaceOrTab }
        let texStart = firstTeXOnOpeningLine
            ? ProtectedSpan.Position(line: opening.line, column: opening.column + 2)
            : ProtectedSpan.Position(
                line: opening.line + 1,
                column: SourceText.containerPrefixLength(source.bytes(ofLine: opening.line + 1)) + 1)
        return ProtectedSpan(
            kind: .displayMath(label: label, labelColumn: labelColumn),
            tex: LeafText.tex(lines: lines),
            start: opening, texStart: texStart,
            end: .init(line: closingLine, column: end + 1))
    }

    /// The offset of the first unescaped `$$` in `bytes` at or after `offset`.
    static func closingDelimiter(in bytes: [UInt8], from offset: Int) -> Int? {
        var index = offset
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "$") { return index }
            index += 1
        }
        return nil
    }
}
