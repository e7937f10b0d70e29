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
    /// `source`'s lines with every span of `spans` (sorted, not overlapping) replaced.
    static func protect(_ source: SourceText, spans: [ProtectedSpan]) -> [[UInt8]] {
        var lines = source.lines
        for (index, span) in spans.enumerated().reversed() {
            let marker = isCitation(span) ? Placeholder.citation : Placeholder.math
            let first = lines[span.start.line - 1]
            var replacement = Array(first[..<(span.start.column - 1)]) + Placeholder.bytes(marker) + Array(String(index).utf8)
            if span.start.line == span.end.line {
                lines[span.start.line - 1] = replacement + Placeholder.bytes(Placeholder.end) + Array(first[(span.end.column - 1)...])
                continue
            }
            lines[span.start.line - 1] = replacement
            for line in (span.start.line + 1)...span.end.line {
                let bytes = lines[line - 1]
                replacement = Array(bytes.prefix(SourceText.containerPrefixLength(bytes))) + Placeholder.bytes(Placeholder.filler)
                if line == span.end.line {
                    replacement += Placeholder.bytes(Placeholder.end) + Array(bytes[(span.end.column - 1)...])
                }
                lines[line - 1] = replacement
            }
        }
        return lines
    }

    private static func isCitation(_ span: ProtectedSpan) -> Bool {
        if case .citation = span.kind { return true }
        return false
    }
}
