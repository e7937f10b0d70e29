/// A note's text as lines of UTF-8 bytes, 1-based, the way cmark and compilers count.
struct SourceText: Sendable {
    /// The lines, without their line endings.
    var lines: [[UInt8]]

    /// Splits UTF-8 `bytes` into lines, each copied once at its size; `\r\n` and `\r` count as
    /// line endings, a leading BOM is dropped.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var lines: [[UInt8]] = []
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append(Array(bytes[start..<index]))
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
                start = index + 1
            }
            index += 1
        }
        // The text after the last line ending; none when the text ends with one (but at least one line).
        if start < bytes.count || lines.isEmpty { lines.append(Array(bytes[min(start, bytes.count)...])) }
        self.lines = lines
    }

    /// The number of lines.
    var lineCount: Int { lines.count }

    /// The bytes of 1-based `line`; empty past the end.
    func bytes(ofLine line: Int) -> [UInt8] {
        line >= 1 && line <= lines.count ? lines[line - 1] : []
    }

    /// Joins byte lines with `\n` and a final newline.
    static func join(_ lines: [[UInt8]]) -> String {
        String(decoding: joinedBytes(lines), as: UTF8.self)
    }

    /// The bytes of `join(lines)`.
    static func joinedBytes(_ lines: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.reduce(lines.count) { $0 + $1.count })
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        return bytes
    }

    /// Whether `line` holds only spaces and tabs.
    func isBlank(_ line: Int) -> Bool {
        bytes(ofLine: line).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// The length of a line's container prefix: leading spaces, tabs and block-quote markers.
    static func containerPrefixLength(_ line: [UInt8]) -> Int {
        line.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }.count
    }
}
