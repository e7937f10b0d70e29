import DeriveCore

/// Finds math and equation citations in the text of one paragraph or heading, in the same
/// left-to-right pass that recognises code spans, raw HTML and link destinations (where math is
/// never looked for), following pandoc's rules for `$`:
/// the opening `$` is followed by a non-space; the closer is the first later `$` preceded by a
/// non-space and not followed by a digit, outside balanced braces; `\$` is a literal dollar.
struct InlineMathScanner {
    let text: LeafText
    /// Flat ranges already claimed by multi-line display math.
    let claimed: [Range<Int>]
    let file: String

    /// The spans found, and errors for display math that never closes.
    func scan() -> (spans: [ProtectedSpan], diagnostics: [Diagnostic]) {
        let bytes = text.bytes
        let closers = bytes.contains(UInt8(ascii: "$")) ? InlineMathClosers(bytes) : nil
        var spans: [ProtectedSpan] = []
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < bytes.count {
            if let range = claimed.first(where: { $0.contains(index) }) {
                index = range.upperBound
                continue
            }
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += index + 1 < bytes.count && bytes[index + 1].isASCIIPunctuation ? 2 : 1
            case UInt8(ascii: "`"):
                index = RawInlineSyntax.endOfCodeSpan(in: bytes, at: index)
            case UInt8(ascii: "<"):
                index = RawInlineSyntax.endOfTagOrAutolink(in: bytes, at: index) ?? index + 1
            case UInt8(ascii: "]") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "("):
                index = RawInlineSyntax.endOfLinkDestination(in: bytes, at: index + 1)
            case UInt8(ascii: "$") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "$"):
                if let span = displayMath(at: index) {
                    spans.append(span.span)
                    index = span.end
                } else {
                    diagnostics.append(Diagnostic(
                        .error, .mathUnclosedDisplay,
                        "display math opened with '$$' never closes in this paragraph",
                        at: text.position(index).location(in: file)))
                    index += 2
                }
            case UInt8(ascii: "$"):
                if let closers, let span = inlineMath(at: index, closers: closers) {
                    spans.append(span.span)
                    index = span.end
                } else {
                    index += 1
                }
            case UInt8(ascii: "@"):
                if let span = citation(at: index) {
                    spans.append(span.span)
                    index = span.end
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        return (spans, diagnostics)
    }

    private func inlineMath(at opening: Int, closers: InlineMathClosers) -> (span: ProtectedSpan, end: Int)? {
        let bytes = text.bytes
        guard opening + 1 < bytes.count, !bytes[opening + 1].isWhitespace,
              let index = closers.closer(from: opening + 1) else { return nil }
        let span = ProtectedSpan(
            kind: .inlineMath, tex: text.tex((opening + 1)..<index),
            start: text.position(opening), texStart: text.position(opening + 1),
            end: text.position(index + 1))
        return (span, index + 1)
    }

    private func displayMath(at opening: Int) -> (span: ProtectedSpan, end: Int)? {
        let bytes = text.bytes
        guard let closing = DisplayMathScanner.closingDelimiter(in: bytes, from: opening + 2) else { return nil }
        var end = closing + 2
        var label: String?
        var labelColumn = 0
        if let found = EquationLabelSyntax.label(in: bytes, at: end), !bytes[end..<found.start].contains(UInt8(ascii: "\n")) {
            label = found.name
            labelColumn = text.position(found.start).column
            end = found.end
        }
        let span = ProtectedSpan(
            kind: .displayMath(label: label, labelColumn: labelColumn), tex: text.tex((opening + 2)..<closing),
            start: text.position(opening), texStart: text.position(opening + 2), end: text.position(end))
        return (span, end)
    }

    /// The prefixes of the labels a citation may name: equations, figures, sections.
    private static let citationPrefixes = ["@eq-", "@fig-", "@sec-"].map { Array($0.utf8) }

    private func citation(at start: Int) -> (span: ProtectedSpan, end: Int)? {
        let bytes = text.bytes
        guard start == 0 || !(bytes[start - 1].isLabelCharacter || bytes[start - 1] == UInt8(ascii: ".")),
              let prefix = Self.citationPrefixes.first(where: {
                  bytes.count >= start + $0.count && bytes[start..<(start + $0.count)].elementsEqual($0)
              })
        else { return nil }
        var end = start + prefix.count
        while end < bytes.count, bytes[end].isLabelCharacter { end += 1 }
        while end > start + prefix.count, bytes[end - 1] == UInt8(ascii: "-") || bytes[end - 1] == UInt8(ascii: "_") { end -= 1 }
        guard end > start + prefix.count else { return nil }
        let label = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let span = ProtectedSpan(
            kind: .citation(label: label), tex: "",
            start: text.position(start), texStart: text.position(start), end: text.position(end))
        return (span, end)
    }
}
