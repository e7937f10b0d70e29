/// The CommonMark inline constructs inside which math is never looked for: code spans, raw HTML,
/// autolinks and link destinations. Each function returns the offset just past the construct.
enum RawInlineSyntax {
    /// Past the code span opening at `offset`, or past the backtick run if nothing closes it.
    static func endOfCodeSpan(in bytes: [UInt8], at offset: Int) -> Int {
        let runLength = run(of: UInt8(ascii: "`"), in: bytes, at: offset)
        var index = offset + runLength
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "`") {
                let closing = run(of: UInt8(ascii: "`"), in: bytes, at: index)
                if closing == runLength { return index + closing }
                index += closing
            } else {
                index += 1
            }
        }
        return offset + runLength
    }

    /// Past the HTML tag, comment or autolink opening at `offset` (a `<`), or nil if none does.
    static func endOfTagOrAutolink(in bytes: [UInt8], at offset: Int) -> Int? {
        autolinkEnd(bytes, offset) ?? commentEnd(bytes, offset) ?? closingTagEnd(bytes, offset) ?? openTagEnd(bytes, offset)
    }

    /// Past the link destination (and title) whose `(` is at `offset`, balancing parentheses.
    static func endOfLinkDestination(in bytes: [UInt8], at offset: Int) -> Int {
        var depth = 0
        var index = offset
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 1
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"):
                depth -= 1
                if depth == 0 { return index + 1 }
            default: break
            }
            index += 1
        }
        return offset + 1
    }

    private static func run(of byte: UInt8, in bytes: [UInt8], at offset: Int) -> Int {
        var end = offset
        while end < bytes.count, bytes[end] == byte { end += 1 }
        return end - offset
    }

    private static func autolinkEnd(_ bytes: [UInt8], _ offset: Int) -> Int? {
        var index = offset + 1
        while index < bytes.count, bytes[index].isLetter || bytes[index].isDigit || bytes[index] == UInt8(ascii: "+")
            || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index - offset - 1 >= 2, index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
            if bytes[index].isWhitespace || bytes[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return index < bytes.count ? index + 1 : nil
    }

    private static func commentEnd(_ bytes: [UInt8], _ offset: Int) -> Int? {
        guard bytes[offset...].starts(with: Array("<!--".utf8)) else { return nil }
        var index = offset + 4
        while index + 2 < bytes.count {
            if bytes[index...].starts(with: Array("-->".utf8)) { return index + 3 }
            index += 1
        }
        return nil
    }

    private static func closingTagEnd(_ bytes: [UInt8], _ offset: Int) -> Int? {
        guard offset + 2 < bytes.count, bytes[offset + 1] == UInt8(ascii: "/") else { return nil }
        var index = tagNameEnd(bytes, offset + 2) ?? offset
        guard index > offset else { return nil }
        while index < bytes.count, bytes[index].isWhitespace { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ">") ? index + 1 : nil
    }

    /// An open tag: name, attributes (`name`, `name=value`, quoted values), optional `/`, `>`.
    private static func openTagEnd(_ bytes: [UInt8], _ offset: Int) -> Int? {
        guard var index = tagNameEnd(bytes, offset + 1) else { return nil }
        while index < bytes.count {
            let beforeSpace = index
            while index < bytes.count, bytes[index].isWhitespace { index += 1 }
            guard index < bytes.count else { return nil }
            if bytes[index] == UInt8(ascii: ">") { return index + 1 }
            if bytes[index] == UInt8(ascii: "/") {
                return index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: ">") ? index + 2 : nil
            }
            guard index > beforeSpace, isAttributeNameStart(bytes[index]) else { return nil }
            while index < bytes.count, isAttributeNameStart(bytes[index]) || bytes[index].isDigit
                || bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            var afterName = index
            while afterName < bytes.count, bytes[afterName].isWhitespace { afterName += 1 }
            guard afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") else { continue }
            index = afterName + 1
            while index < bytes.count, bytes[index].isWhitespace { index += 1 }
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: quote) else { return nil }
                index = close + 1
            } else {
                let start = index
                while index < bytes.count, !bytes[index].isWhitespace, !"\"'=<>`".utf8.contains(bytes[index]) { index += 1 }
                guard index > start else { return nil }
            }
        }
        return nil
    }

    private static func tagNameEnd(_ bytes: [UInt8], _ offset: Int) -> Int? {
        guard offset < bytes.count, bytes[offset].isLetter else { return nil }
        var index = offset + 1
        while index < bytes.count, bytes[index].isLetter || bytes[index].isDigit || bytes[index] == UInt8(ascii: "-") { index += 1 }
        return index
    }

    private static func isAttributeNameStart(_ byte: UInt8) -> Bool {
        byte.isLetter || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":")
    }
}
