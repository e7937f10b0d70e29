extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in text and in
    /// quoted attribute values alike.
    ///
    /// Works on the UTF-8 bytes (the five characters are ASCII, never part of another character's
    /// bytes), and returns the string itself when it has none of them, as most words of a page.
    var htmlEscaped: String {
        var source = self
        return source.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: Self.isEscaped) else { return self }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): escaped.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): escaped.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): escaped.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): escaped.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): escaped.append(contentsOf: "&#39;".utf8)
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        }
    }

    private static func isEscaped(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
