/// The text cmark is given when only a note's block structure is wanted: each line kept up to
/// and including its first plain character, every byte after it made `x`. cmark's inline parser
/// runs on every paragraph whatever its caller wants; on a line of `x`s it has nothing to do,
/// instead of parsing TeX and prose only for the result to be thrown away.
///
/// Why every block stays the same, kind and source range: a line keeps its length, its
/// blankness, every byte up to its first plain character (one that neither starts nor continues
/// any block syntax: not a space, tab, `>`, list or heading marker, digit, fence, rule or
/// underline character, `<`, `[`, `!`, `|` or `\`), and its trailing spaces, tabs and `#`
/// (where an ATX heading's closing sequence would be). Whatever starts a line is decided by
/// the bytes before its first plain character: indentation, block quotes, list items, ATX
/// headings, fences, thematic breaks, setext underlines. Past them cmark's block parser reads
/// only a fence's info string, an HTML block's end condition and link reference definitions. So
/// a line is left as it is when the part that would be masked holds a backtick (it would make a
/// backtick fence's info string valid), a `>` (every HTML end condition holds one) or a NUL
/// (which cmark widens to U+FFFD); when the line holds `<` (a masked attribute could make an
/// open tag valid); and throughout a run of non-blank lines that holds `]:`, where a definition
/// could begin or end.
enum BlockSkeleton {
    /// `lines` joined with `\n` and a final newline, as `SourceText.joinedBytes`, masked.
    static func joinedBytes(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes = SourceText.joinedBytes(lines)
        let kept = definitionRuns(lines)
        var offset = 0
        for (index, line) in lines.enumerated() {
            if !kept.contains(index), let masked = maskedRange(of: line) {
                for column in masked { bytes[offset + column] = UInt8(ascii: "x") }
            }
            offset += line.count + 1
        }
        return bytes
    }

    /// The bytes of `line` that may be masked: those after its first plain character, when
    /// none of them, nor the line, holds what the block parser reads.
    static func maskedRange(of line: [UInt8]) -> Range<Int>? {
        guard let first = line.firstIndex(where: isPlain), !line.contains(UInt8(ascii: "<")) else { return nil }
        // The first character is kept whole: its UTF-8 continuation bytes too.
        let start = line[(first + 1)...].firstIndex { $0 & 0xC0 != 0x80 } ?? line.count
        guard !line[start...].contains(where: { $0 == UInt8(ascii: "`") || $0 == UInt8(ascii: ">") || $0 == 0 }) else { return nil }
        // A trailing run of spaces, tabs and `#` is kept: an ATX heading ends before it when it
        // is a closing sequence, which the byte before the run decides (and masked it stays no
        // space nor tab).
        let end = (line[start...].lastIndex { !isClosingSequence($0) } ?? start - 1) + 1
        return start < end ? start..<end : nil
    }

    /// Whether `byte` begins a character that is part of no block syntax at the start of a line.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): false
        case 0, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20: false
        case UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "="),
             UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "<"), UInt8(ascii: "."), UInt8(ascii: ")"),
             UInt8(ascii: "["), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: ":"):
            false
        default: byte & 0xC0 != 0x80
        }
    }

    /// Whether `byte` may stand in an ATX heading's closing sequence or the whitespace around it.
    private static func isClosingSequence(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "#")
    }

    /// The indices of the lines of every run of non-blank lines that holds `]:` somewhere: a link
    /// reference definition lies within one such run (it can hold no blank line), and must be
    /// parsed from the text as it is.
    private static func definitionRuns(_ lines: [[UInt8]]) -> Set<Int> {
        var found = Set<Int>()
        var runStart = 0
        var runHasDefinition = false
        for index in 0...lines.count {
            let isBlank = index == lines.count || lines[index].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if isBlank {
                if runHasDefinition { found.formUnion(runStart..<index) }
                runStart = index + 1
                runHasDefinition = false
            } else if !runHasDefinition {
                runHasDefinition = zip(lines[index], lines[index].dropFirst()).contains { $0 == UInt8(ascii: "]") && $1 == UInt8(ascii: ":") }
            }
        }
        return found
    }
}
