import DeriveCore

/// GitHub's additions to CommonMark's inline syntax, applied to the inline content cmark gave:
/// `~~strikethrough~~` and bare `https://` and `www.` addresses as links.
enum GitHubInlines {
    /// `inlines` with strikethrough and bare addresses read; code, math and links stay as they are.
    static func apply(_ inlines: [Inline]) -> [Inline] {
        if isPlain(inlines) { return inlines }
        return strikethrough(inlines.flatMap(footnotes).flatMap(autolinked)).map { inline in
            switch inline {
            case .emphasis(let content): .emphasis(apply(content))
            case .strong(let content): .strong(apply(content))
            case .strikethrough(let content): .strikethrough(apply(content))
            default: inline
            }
        }
    }

    /// Whether `apply` would return `inlines` as they are: no text holds a footnote mark, an
    /// address or a tilde, no code or HTML a footnote mark, no two texts stand side by side (they
    /// would be joined), and nothing nests inlines of its own to apply to. Most paragraphs are
    /// plain, and this costs one scan of their texts instead of a copy of every inline.
    private static func isPlain(_ inlines: [Inline]) -> Bool {
        var previousIsText = false
        for inline in inlines {
            switch inline {
            case .text(let text):
                if previousIsText || text.containsBytes("\u{01}") || text.containsBytes("://") || text.containsBytes("www.")
                    || text.containsBytes("~") {
                    return false
                }
                previousIsText = true
                continue
            case .code(let text), .html(let text):
                if text.containsBytes("\u{01}") { return false }
            case .emphasis, .strong, .strikethrough:
                return false
            default:
                break
            }
            previousIsText = false
        }
        return true
    }

    /// A text with its footnote references read; code and HTML with their footnote marks undone.
    private static func footnotes(_ inline: Inline) -> [Inline] {
        switch inline {
        case .text(let text): FootnoteMarks.references(in: text)
        case .code(let code): [.code(FootnoteMarks.unmarked(code))]
        case .html(let html): [.html(FootnoteMarks.unmarked(html))]
        default: [inline]
        }
    }

    /// A text with its bare addresses as links (GitHub's extended autolinks, without the email form).
    private static func autolinked(_ inline: Inline) -> [Inline] {
        guard case .text(let text) = inline, text.containsBytes("://") || text.containsBytes("www.") else { return [inline] }
        var result: [Inline] = []
        var rest = Substring(text)
        while let match = rest.firstMatch(of: /(?:https?:\/\/|www\.)[A-Za-z0-9][^\s<]*/) {
            let before = rest[..<match.range.lowerBound]
            guard before.isEmpty || before.last.map({ $0.isWhitespace || "*_~(".contains($0) }) == true else {
                result.append(.text(String(rest[..<match.range.upperBound])))
                rest = rest[match.range.upperBound...]
                continue
            }
            var address = Substring(match.output)
            while let last = address.last, "?!.,:*_~'\"".contains(last) || (last == ")" && address.filter { $0 == "(" }.count < address.filter { $0 == ")" }.count) {
                address = address.dropLast()
            }
            if !before.isEmpty { result.append(.text(String(before))) }
            let destination = address.hasPrefix("www.") ? "http://" + address : String(address)
            result.append(.link(destination: destination, title: "", content: [.text(String(address))]))
            rest = rest[address.endIndex...]
        }
        if !rest.isEmpty { result.append(.text(String(rest))) }
        return merged(result)
    }

    /// `~~text~~` (or `~text~`) as strikethrough: a run of one or two tildes that can open, paired
    /// with the next run of the same length that can close.
    private static func strikethrough(_ inlines: [Inline]) -> [Inline] {
        enum Piece { case inline(Inline), tildes(Int, canOpen: Bool, canClose: Bool) }
        var pieces: [Piece] = []
        for inline in inlines {
            guard case .text(let text) = inline, text.containsBytes("~") else { pieces.append(.inline(inline)); continue }
            let characters = Array(text)
            var index = 0, start = 0
            while index < characters.count {
                guard characters[index] == "~" else { index += 1; continue }
                var end = index
                while end < characters.count, characters[end] == "~" { end += 1 }
                if start < index { pieces.append(.inline(.text(String(characters[start..<index])))) }
                let before = index > 0 ? characters[index - 1] : " ", after = end < characters.count ? characters[end] : " "
                pieces.append(.tildes(end - index, canOpen: !after.isWhitespace, canClose: !before.isWhitespace))
                index = end
                start = end
            }
            if start < characters.count { pieces.append(.inline(.text(String(characters[start...])))) }
        }
        var result: [Inline] = []
        var openers: [(count: Int, position: Int)] = []
        for piece in pieces {
            switch piece {
            case .inline(let inline): result.append(inline)
            case .tildes(let count, let canOpen, let canClose):
                if count <= 2, canClose, let opener = openers.lastIndex(where: { $0.count == count }) {
                    let position = openers[opener].position
                    let content = Array(result[(position + 1)...])
                    result.removeSubrange(position...)
                    result.append(.strikethrough(merged(content)))
                    openers.removeSubrange(opener...)
                } else {
                    if count <= 2, canOpen { openers.append((count, result.count)) }
                    result.append(.text(String(repeating: "~", count: count)))
                }
            }
        }
        return merged(result)
    }

    /// Adjacent texts joined.
    private static func merged(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }
}
