extension String {
    /// Whether `part` occurs in the string, compared byte for byte over UTF-8: a plain scan, not
    /// Foundation's locale-aware search, which costs microseconds a call on Linux (and the parser
    /// asks it of every text it reads).
    func containsBytes(_ part: StaticString) -> Bool {
        var text = self
        return text.withUTF8 { bytes in
            let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
            guard let first = needle.first, bytes.count >= needle.count else { return needle.isEmpty }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) { return true }
                index += 1
            }
            return false
        }
    }
}
