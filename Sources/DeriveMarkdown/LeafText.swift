/// The lines of one leaf block (a paragraph or heading) as one flat byte string, with the way back
/// from an offset in it to a line and column of the note.
struct LeafText {
    /// The block's lines joined with `\n`.
    let bytes: [UInt8]
    /// The offset in `bytes` where each line starts.
    private let lineStarts: [Int]
    /// The note line of the block's first line.
    let firstLine: Int

    /// The text of lines `firstLine...lastLine` of `source`.
    init(_ source: SourceText, firstLine: Int, lastLine: Int) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for line in firstLine...max(firstLine, lastLine) {
            if line > firstLine { bytes.append(UInt8(ascii: "\n")) }
            starts.append(bytes.count)
            bytes.append(contentsOf: source.bytes(ofLine: line))
        }
        self.bytes = bytes
        self.lineStarts = starts
        self.firstLine = firstLine
    }

    /// The note position of flat `offset`.
    func position(_ offset: Int) -> ProtectedSpan.Position {
        // The last line starting at or before `offset`, by binary search over the line starts.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return .init(line: firstLine + low, column: offset - lineStarts[low] + 1)
    }

    /// The flat offset of a note position inside this block, if it is inside.
    func offset(of position: ProtectedSpan.Position) -> Int? {
        let index = position.line - firstLine
        guard lineStarts.indices.contains(index) else { return nil }
        return lineStarts[index] + position.column - 1
    }

    /// The text of `range` as TeX: each later line's container prefix (indentation, `>`) removed.
    func tex(_ range: Range<Int>) -> String {
        Self.tex(lines: bytes[range].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init))
    }

    /// Joins TeX lines, removing the container prefix of every line but the first, and trims the
    /// whitespace around the whole.
    static func tex(lines: [[UInt8]]) -> String {
        var joined: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 {
                joined.append(UInt8(ascii: "\n"))
                joined.append(contentsOf: line.dropFirst(SourceText.containerPrefixLength(line)))
            } else {
                joined.append(contentsOf: line)
            }
        }
        return String(decoding: joined, as: UTF8.self).trimmingWhitespace()
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

/// Byte classes the scanners need.
extension UInt8 {
    var isSpaceOrTab: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
    var isWhitespace: Bool { isSpaceOrTab || self == UInt8(ascii: "\n") }
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
    var isLetter: Bool { (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") }
    var isASCIIPunctuation: Bool {
        (0x21...0x2F).contains(self) || (0x3A...0x40).contains(self) || (0x5B...0x60).contains(self) || (0x7B...0x7E).contains(self)
    }
    /// A character allowed in an equation label or citation (`eq-delta_2`).
    var isLabelCharacter: Bool { isLetter || isDigit || self == UInt8(ascii: "-") || self == UInt8(ascii: "_") }
}
