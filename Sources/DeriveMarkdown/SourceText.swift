/// A note's text as lines of UTF-8 bytes, 1-based, the way cmark and compilers count.
struct SourceText: Sendable {
    /// The lines, without their line endings.
    var lines: [[UInt8]]

    /// Splits `text` into lines; `\r\n` and `\r` count as line endings, a leading BOM is dropped.
    init(_ text: String) {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                lines.append([])
                if byte == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    index += 1
                }
            } else {
                lines[lines.count - 1].append(byte)
            }
            index += 1
        }
        if lines.count > 1, lines.last!.isEmpty { lines.removeLast() }
        self.lines = lines
    }

    /// The number of lines.
    var lineCount: Int { lines.count }

    /// The bytes of 1-based `line`; empty past the end.
    func bytes(ofLine line: Int) -> [UInt8] {
        line >= 1 && line <= lines.count ? lines[line - 1] : []
    }

    /// The whole text with `\n` line endings.
    var text: String { Self.join(lines) }

    /// Joins byte lines with `\n` and a final newline.
    static func join(_ lines: [[UInt8]]) -> String {
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        return String(decoding: bytes, as: UTF8.self)
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
