extension String {
    /// Whether `part` occurs in the string, compared byte for byte over UTF-8: a plain scan, not
    /// Foundation's locale-aware `contains`, which costs microseconds a call on Linux (and the
    /// parser and the resolver ask it of every text and every line of code they read).
    @inlinable public func containsBytes(_ part: String) -> Bool {
        var text = self
        return text.withUTF8 { UnsafeBufferPointer.containsBytes(part, in: $0) }
    }
}

extension Substring {
    /// Whether `part` occurs in the text, compared byte for byte over UTF-8 (see `String.containsBytes`).
    @inlinable public func containsBytes(_ part: String) -> Bool {
        var text = self
        return text.withUTF8 { UnsafeBufferPointer.containsBytes(part, in: $0) }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Whether the UTF-8 of `part` occurs in `bytes`.
    @usableFromInline static func containsBytes(_ part: String, in bytes: Self) -> Bool {
        var part = part
        return part.withUTF8 { needle in
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
