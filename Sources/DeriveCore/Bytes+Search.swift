import Foundation

extension UnsafeRawBufferPointer {
    /// Where `part` first occurs in these bytes, by offset (`0..<0` for an empty `part`): each
    /// place that starts with its first byte found by `memchr` and compared by `memcmp`, a plain
    /// byte search, not Foundation's locale-aware `contains` nor `Data.range(of:)`, which cost
    /// many times more on Linux.
    public func firstRange(of part: UnsafeRawBufferPointer) -> Range<Int>? {
        guard let first = part.first else { return 0..<0 }
        guard let base = baseAddress, let needle = part.baseAddress, count >= part.count else { return nil }
        var offset = 0
        while offset <= count - part.count, let hit = memchr(base + offset, Int32(first), count - part.count - offset + 1) {
            let at = base.distance(to: UnsafeRawPointer(hit))
            if memcmp(hit, needle, part.count) == 0 { return at..<at + part.count }
            offset = at + 1
        }
        return nil
    }
}

extension String {
    /// Whether `part` occurs in the string, compared byte for byte over UTF-8 (`firstRange(of:)`):
    /// the parser and the resolver ask it of every text and every line of code they read.
    @inlinable public func containsBytes(_ part: String) -> Bool {
        var text = self, part = part
        return text.withUTF8 { text in part.withUTF8 { UnsafeRawBufferPointer(text).firstRange(of: UnsafeRawBufferPointer($0)) != nil } }
    }
}

extension Substring {
    /// Whether `part` occurs in the text, compared byte for byte over UTF-8 (see `String.containsBytes`).
    @inlinable public func containsBytes(_ part: String) -> Bool {
        var text = self, part = part
        return text.withUTF8 { text in part.withUTF8 { UnsafeRawBufferPointer(text).firstRange(of: UnsafeRawBufferPointer($0)) != nil } }
    }
}

extension Data {
    /// The index of the first `byte` in the data, found by `memchr`. (`firstIndex(of:)` reads
    /// Data a byte at a time, each read checked for exclusive access: most of the time a worker
    /// spends reading node's answers went there.)
    public func firstIndex(ofByte byte: UInt8) -> Index? {
        withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let hit = memchr(base, Int32(byte), raw.count) else { return nil }
            return startIndex + base.distance(to: UnsafeRawPointer(hit))
        }
    }
}
