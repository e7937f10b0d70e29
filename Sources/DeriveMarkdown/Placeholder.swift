/// The private-use characters that stand for protected spans while cmark parses the note.
///
/// A span becomes `start` + its index in decimal, then for each line it covers a newline, the
/// line's container prefix and `filler`, then `end`. cmark treats all of it as plain text, and
/// the line structure (so every block's line number) is unchanged.
enum Placeholder {
    /// Opens a math span.
    static let math: Unicode.Scalar = "\u{E000}"
    /// Closes any span.
    static let end: Unicode.Scalar = "\u{E001}"
    /// Fills the lines a multi-line span covers.
    static let filler: Unicode.Scalar = "\u{E002}"
    /// Opens a citation.
    static let citation: Unicode.Scalar = "\u{E003}"

    /// The UTF-8 bytes of `scalar`.
    static func bytes(_ scalar: Unicode.Scalar) -> [UInt8] { Array(String(Character(scalar)).utf8) }
}

/// Replaces protected spans in a note's lines with placeholders.
enum MathProtector {
    /// `source`'s lines with every span of `spans` (sorted, not overlapping) replaced, in one pass
    /// over the note: time linear in its size, however many spans share a line.
    static func protect(_ source: SourceText, spans: [ProtectedSpan]) -> [[UInt8]] {
        let lines = source.lines
        var protected: [[UInt8]] = []
        protected.reserveCapacity(lines.count)
        // The output line being built, and the next source byte to copy: line `row`, column `column`.
        var line: [UInt8] = []
        var row = 1, column = 1
        func copy(upToLine target: Int, column targetColumn: Int) {
            while row < target {
                line += lines[row - 1][min(column - 1, lines[row - 1].count)...]
                protected.append(line)
                line = []
                row += 1
                column = 1
            }
            let bytes = lines[row - 1]
            line += bytes[min(column - 1, bytes.count)..<min(max(column, targetColumn) - 1, bytes.count)]
            column = max(column, targetColumn)
        }
        for (index, span) in spans.enumerated() {
            copy(upToLine: span.start.line, column: span.start.column)
            line += Placeholder.bytes(isCitation(span) ? Placeholder.citation : Placeholder.math) + Array(String(index).utf8)
            if span.end.line > span.start.line {
                for covered in (span.start.line + 1)...span.end.line {
                    protected.append(line)
                    let bytes = lines[covered - 1]
                    line = Array(bytes.prefix(SourceText.containerPrefixLength(bytes))) + Placeholder.bytes(Placeholder.filler)
                }
                row = span.end.line
            }
            line += Placeholder.bytes(Placeholder.end)
            column = span.end.column
        }
        copy(upToLine: lines.count, column: Int.max)
        protected.append(line)
        return protected
    }

    private static func isCitation(_ span: ProtectedSpan) -> Bool {
        if case .citation = span.kind { return true }
        return false
    }
}
