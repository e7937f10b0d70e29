@testable import DeriveMarkdown
import Testing

/// The closers found for every position at once agree with walking pandoc's rule from each
/// position, the way the scanner did before (quadratic on a paragraph of unclosed `$`).
@Suite("Where inline math closes")
struct InlineMathClosersTests {
    /// The rule, walked from `start`: the reference the table must agree with.
    private func walk(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0, index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"): depth = max(0, depth - 1)
            case UInt8(ascii: "$") where depth == 0 && index > 0 && !bytes[index - 1].isWhitespace
                && !(index + 1 < bytes.count && bytes[index + 1].isDigit):
                return index
            default: break
            }
            index += 1
        }
        return nil
    }

    @Test func agreesWithTheRuleOnTenThousandRandomTexts() {
        var random = SplitMix64(seed: 9)
        let alphabet = Array("${}\\ a1\n".utf8)
        for _ in 0..<10_000 {
            let bytes = (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            let closers = InlineMathClosers(bytes)
            for start in 0..<bytes.count {
                #expect(closers.closer(from: start) == walk(bytes, from: start), "\(String(decoding: bytes, as: UTF8.self)) from \(start)")
            }
        }
    }

    @Test func examples() {
        #expect(InlineMathClosers(Array("a{$}b$".utf8)).closer(from: 0) == 5)
        #expect(InlineMathClosers(Array("a\\$b$".utf8)).closer(from: 0) == 4)
        #expect(InlineMathClosers(Array("a {$ ".utf8)).closer(from: 0) == nil)
        #expect(InlineMathClosers(Array("a $1 b$".utf8)).closer(from: 0) == 6)
    }
}

/// A small seeded generator (SplitMix64), so that a failure reproduces.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
