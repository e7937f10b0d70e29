import SwiftIDEUtils
import SwiftSyntax

/// Highlights Swift at build time: swift-syntax classifies the tokens, each becomes a `<span>`.
enum SwiftHighlighter {
    /// The HTML of each line of `tree`'s source (escaped, without newlines); a span that crosses
    /// a line (a block comment, a multi-line string) is closed at the line's end and reopened.
    static func highlightedLines(of tree: SourceFileSyntax) -> [String] {
        let bytes = tree.syntaxTextBytes
        var lines: [String] = [""]
        var offset = 0
        func emit(_ end: Int, as kind: SyntaxClassification) {
            guard end > offset else { return }
            let text = String(decoding: bytes[offset..<end], as: UTF8.self)
            let cssClass = cssClass(of: kind)
            for (index, piece) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { lines.append("") }
                guard !piece.isEmpty else { continue }
                let escaped = String(piece).htmlEscaped
                lines[lines.count - 1] += cssClass.map { "<span class=\"\($0)\">\(escaped)</span>" } ?? escaped
            }
            offset = end
        }
        for range in tree.classifications {
            emit(range.range.lowerBound.utf8Offset, as: .none)
            emit(range.range.upperBound.utf8Offset, as: range.kind)
        }
        emit(bytes.count, as: .none)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The CSS class a kind of token gets (`hl-kw`, `hl-str`...), or nil for plain text.
    private static func cssClass(of kind: SyntaxClassification) -> String? {
        switch kind {
        case .keyword: "hl-kw"
        case .type: "hl-ty"
        case .stringLiteral, .regexLiteral: "hl-str"
        case .integerLiteral, .floatLiteral: "hl-num"
        case .lineComment, .blockComment: "hl-com"
        case .docLineComment, .docBlockComment: "hl-doc"
        case .attribute: "hl-attr"
        case .ifConfigDirective: "hl-pp"
        case .operator: "hl-op"
        case .dollarIdentifier, .argumentLabel: "hl-id"
        case .editorPlaceholder: "hl-ph"
        case .identifier, .none: nil
        @unknown default: nil
        }
    }
}
