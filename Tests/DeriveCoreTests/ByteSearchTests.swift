import DeriveCore
import Testing

/// `firstRange(of:)` and `containsBytes`: a byte search, first occurrence, every edge of it.
@Suite("Byte search: the first occurrence of some bytes in others")
struct ByteSearchTests {
    private func firstRange(of part: String, in text: String) -> Range<Int>? {
        var text = text, part = part
        return text.withUTF8 { text in part.withUTF8 { UnsafeRawBufferPointer(text).firstRange(of: UnsafeRawBufferPointer($0)) } }
    }

    @Test(arguments: [
        ("abc", "", 0..<0 as Range<Int>?),  // an empty part is found at once, even in nothing
        ("", "", 0..<0),
        ("", "a", nil),
        ("ab", "abc", nil),  // longer than the text
        ("abc", "abc", 0..<3),
        ("xabc", "abc", 1..<4),  // at the very end
        ("aaab", "aab", 1..<4),  // after a false start on the same first byte
        ("abab", "ab", 0..<2),  // the first of two
        ("a\u{0}b", "\u{0}b", 1..<3),  // a NUL is a byte like any other
        ("δ-rule", "-r", 2..<4),  // offsets count bytes, not characters
        ("abcabd", "abd", 3..<6),
    ])
    func findsTheFirstOccurrence(text: String, part: String, expected: Range<Int>?) {
        #expect(firstRange(of: part, in: text) == expected)
        #expect(text.containsBytes(part) == (expected != nil))
        #expect(text[...].containsBytes(part) == (expected != nil))
    }

    @Test func aSubstringIsSearchedWithinItsOwnBounds() {
        let text = "<<name>> and more"
        #expect(text.dropFirst(2).prefix(4).containsBytes("name"))
        #expect(!text.dropFirst(2).prefix(4).containsBytes(">>"), "the bytes just past the substring are not its own")
    }
}
