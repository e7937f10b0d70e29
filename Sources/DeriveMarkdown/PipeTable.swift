/// GitHub's pipe tables, read on top of cmark (which sees a table as a paragraph): a header row,
/// a delimiter row (`| --- | :-: |`), then body rows, each split into cells at unescaped pipes
/// outside code spans.
struct PipeTable {
    /// How a column's cells are aligned.
    enum Alignment: String { case none, left, center, right }

    /// A cell: its protected bytes and the 1-based column where they start.
    struct Cell {
        var bytes: [UInt8]
        var column: Int
    }

    /// The line of the paragraph (0-based) that holds the header row.
    var headerLine: Int
    var alignments: [Alignment]
    var header: [Cell]
    /// Body rows, each with its 0-based line in the paragraph, padded or cut to the header's width.
    var rows: [(line: Int, cells: [Cell])]

    /// The table in `lines` (a paragraph's lines, container prefix removed, each with the column
    /// where its content starts), if two consecutive lines make a header and a delimiter row.
    init?(lines: [(bytes: [UInt8], column: Int)]) {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = Self.delimiterRow(lines[index].bytes) else { continue }
            let header = Self.cells(of: lines[index - 1].bytes, column: lines[index - 1].column)
            guard header.count == alignments.count else { continue }
            self.headerLine = index - 1
            self.alignments = alignments
            self.header = header
            self.rows = lines[(index + 1)...].enumerated().map { offset, line in
                var cells = Self.cells(of: line.bytes, column: line.column)
                if cells.count > alignments.count { cells.removeLast(cells.count - alignments.count) }
                while cells.count < alignments.count { cells.append(Cell(bytes: [], column: line.column)) }
                return (index + 1 + offset, cells)
            }
            return
        }
        return nil
    }

    /// The alignments a delimiter row gives, or nil if `line` is not one.
    static func delimiterRow(_ line: [UInt8]) -> [Alignment]? {
        let cells = cells(of: line, column: 1)
        guard line.contains(UInt8(ascii: "|")) || cells.count > 1, !cells.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for cell in cells {
            let text = cell.bytes
            let dashes = text.drop { $0 == UInt8(ascii: ":") }.reversed().drop { $0 == UInt8(ascii: ":") }
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            let left = text.first == UInt8(ascii: ":"), right = text.last == UInt8(ascii: ":")
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// The cells of a row: split at pipes not escaped and not inside a code span, a leading and a
    /// trailing pipe dropped, each cell trimmed; `\|` stays for cmark to unescape.
    static func cells(of line: [UInt8], column: Int) -> [Cell] {
        var cells: [Cell] = []
        var start = 0
        var index = 0
        var codeTicks = 0
        while index < line.count {
            let byte = line[index]
            if byte == UInt8(ascii: "\\"), index + 1 < line.count {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "`") {
                var run = 0
                while index < line.count, line[index] == UInt8(ascii: "`") { run += 1; index += 1 }
                codeTicks = codeTicks == 0 ? run : (codeTicks == run ? 0 : codeTicks)
                continue
            }
            if byte == UInt8(ascii: "|"), codeTicks == 0 {
                cells.append(cell(line, start..<index, column: column))
                start = index + 1
            }
            index += 1
        }
        cells.append(cell(line, start..<line.count, column: column))
        if let first = line.firstIndex(where: { !$0.isSpaceOrTab }), line[first] == UInt8(ascii: "|") { cells.removeFirst() }
        if let last = line.lastIndex(where: { !$0.isSpaceOrTab }), line[last] == UInt8(ascii: "|"), !cells.isEmpty,
           last == 0 || line[last - 1] != UInt8(ascii: "\\") {
            cells.removeLast()
        }
        return cells
    }

    private static func cell(_ line: [UInt8], _ range: Range<Int>, column: Int) -> Cell {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, line[lower].isSpaceOrTab { lower += 1 }
        while upper > lower, line[upper - 1].isSpaceOrTab { upper -= 1 }
        return Cell(bytes: Array(line[lower..<upper]), column: column + lower)
    }
}
