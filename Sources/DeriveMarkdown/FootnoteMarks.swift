import DeriveCore

/// GitHub's footnotes, `[^label]` and `[^label]: text`, kept away from cmark: the `[` of each
/// becomes `mark` (one byte, so columns stay), which cmark reads as text, so no footnote is ever
/// taken for a link or a link reference definition. The builder reads the marks back.
enum FootnoteMarks {
    /// The byte that stands for the `[` of a footnote.
    static let mark: UInt8 = 0x01

    /// `lines` with the `[` of every `[^label]` outside `skipping` (1-based lines) replaced by `mark`.
    static func mark(_ lines: [[UInt8]], skipping: Set<Int>) -> [[UInt8]] {
        var lines = lines
        for index in lines.indices where !skipping.contains(index + 1) {
            var line = lines[index]
            var position = 0
            while position + 3 < line.count {
                if line[position] == UInt8(ascii: "["), line[position + 1] == UInt8(ascii: "^"),
                   position == 0 || line[position - 1] != UInt8(ascii: "\\"),
                   let close = line[(position + 2)...].firstIndex(where: { $0 == UInt8(ascii: "]") || $0.isSpaceOrTab }),
                   close > position + 2, line[close] == UInt8(ascii: "]") {
                    line[position] = mark
                    position = close
                }
                position += 1
            }
            lines[index] = line
        }
        return lines
    }

    /// `text` with every mark back as `[`, for code and HTML, where a footnote is only text.
    static func unmarked(_ text: String) -> String {
        text.containsBytes("\u{01}") ? text.replacingOccurrences(of: "\u{01}", with: "[") : text
    }

    /// The inlines of `text` with each marked `^label]` as a footnote reference. A mark that
    /// begins no whole reference here (cmark cut its label, at inline HTML say) is a `[` again.
    static func references(in text: String) -> [Inline] {
        guard text.containsBytes("\u{01}") else { return [.text(text)] }
        var result: [Inline] = []
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /\x{01}\^([^\]\s]+)\]/) {
            let before = rest[..<match.range.lowerBound]
            if !before.isEmpty { result.append(.text(unmarked(String(before)))) }
            result.append(.footnoteReference(String(match.output.1)))
            rest = rest[match.range.upperBound...]
        }
        if !rest.isEmpty { result.append(.text(unmarked(String(rest)))) }
        return result
    }

    /// A paragraph of footnote definitions cut where each begins (a line starting `[^label]:`),
    /// each with the number of lines it takes.
    static func definitions(_ content: [Inline]) -> [(content: [Inline], lines: Int)] {
        var pieces: [(content: [Inline], lines: Int)] = [([], 1)]
        for (index, inline) in content.enumerated() {
            if inline == .softBreak || inline == .lineBreak {
                if definition(Array(content[(index + 1)...])) != nil {
                    pieces.append(([], 1))
                } else {
                    pieces[pieces.count - 1].content.append(inline)
                    pieces[pieces.count - 1].lines += 1
                }
                continue
            }
            pieces[pieces.count - 1].content.append(inline)
        }
        return pieces
    }

    /// The label of a footnote definition whose paragraph starts with `content`, and the rest.
    static func definition(_ content: [Inline]) -> (label: String, content: [Inline])? {
        guard case .footnoteReference(let label)? = content.first, content.count > 1, case .text(let text) = content[1],
              text.hasPrefix(":") else { return nil }
        var rest = Array(content.dropFirst(2))
        let after = String(text.dropFirst().drop { $0 == " " || $0 == "\t" })
        if !after.isEmpty { rest.insert(.text(after), at: 0) }
        return (label, rest)
    }
}
