import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import Foundation
import Testing

/// The hostile shapes of note, each parsed, resolved and tangled at a small size and at four
/// times that size: the time per MB of the larger must stay within a factor of the smaller's, so
/// that nothing in the front of the pipeline is quadratic. (The figures for the real sizes, with a
/// release build, are in Documentation/Limits.md.)
@Suite("Limits: hostile notes take time linear in their size", .serialized, .timeLimit(.minutes(10)))
struct LimitTests {
    /// A note of about `bytes` bytes of one hostile shape.
    enum Shape: String, CaseIterable, CustomTestStringConvertible {
        case inlineMathOnOneLine, longLine, inlineMathParagraph, codeBlocks, nestedChunks, dollarSigns, unclosedDollars,
             dollarRun, displayBlock, nestedBlockQuotes, ordinaryNote

        var testDescription: String { rawValue }

        func note(bytes: Int) -> String {
            func repeated(_ unit: String) -> String { String(repeating: unit, count: max(1, bytes / unit.utf8.count)) }
            switch self {
            case .inlineMathOnOneLine: return "# A\n\n" + repeated("$x_{i}$ ") + "\n"
            case .longLine: return "# A\n\n" + repeated("word ") + "\n"
            case .inlineMathParagraph: return "# A\n\n" + repeated("$a$ $b$ $c$ $d$ $e$ $f$ $g$ $h$\n")
            case .codeBlocks:
                return "# A\n\n" + (0..<max(1, bytes / 30)).map { "```swift\nlet x\($0) = 1\n```\n\n" }.joined()
            case .nestedChunks:
                let depth = max(1, bytes / 40)
                return "# A\n\n```swift\n<<c0>>\n```\n\n"
                    + (0..<depth).map { "```swift #c\($0)\nlet v\($0) = 1\n<<c\($0 + 1)>>\n```\n\n" }.joined()
                    + "```swift #c\(depth)\nlet end = 1\n```\n"
            case .dollarSigns: return "# A\n\n" + repeated("$ 1 ") + "\n"
            case .unclosedDollars: return "# A\n\n" + repeated("$a ") + "\n"
            case .dollarRun: return "# A\n\n" + repeated("$") + "\n"
            case .displayBlock: return "# A\n\n$$\n" + repeated("a_{1} + b^{2} = c \\\\\n") + "$$\n"
            case .nestedBlockQuotes: return "# A\n\n" + String(repeating: ">", count: max(1, bytes / 2)) + " deep\n"
            case .ordinaryNote:
                return "# A\n\n" + repeated("Some text with $a + b$ and **bold** and `code`.\n\n$$\nx = y\n$$\n\n```swift\nlet q = 1\n```\n\n")
            }
        }
    }

    /// Seconds to parse, resolve and tangle `text`, the best of three runs (other tests run beside it).
    private func seconds(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        var best = Double.infinity
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let elapsed = clock.measure {
                guard let note = NoteParser().parse(bytes, path: "Notes/01-a.md").note else { return }
                let resolved = Resolver().resolve(note)
                _ = Tangler().tangle(note, resolution: resolved.resolution)
            }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
        }
        return best
    }

    @Test(arguments: Shape.allCases)
    func timePerMegabyteStaysWithinAFactorOfTheSmallCase(shape: Shape) {
        let small = 1 << 17, large = 1 << 20
        let smallNote = shape.note(bytes: small), largeNote = shape.note(bytes: large)
        let perMBSmall = seconds(smallNote) / Double(smallNote.utf8.count) * 1e6
        let perMBLarge = seconds(largeNote) / Double(largeNote.utf8.count) * 1e6
        // A generous factor: the suite runs in parallel on a shared 2-core machine, and a factor
        // of 3 was exceeded by noise alone (2.15 against 1.92 s/MB for a long line). Quadratic work
        // shows as a factor of 8 here (eight times the size), so 4 still catches it.
        #expect(perMBLarge <= 4 * max(perMBSmall, 0.01), "\(shape): \(perMBSmall) s/MB at 128 KiB, \(perMBLarge) s/MB at 1 MiB")
    }

    /// Chunks nest up to `ChunkReference.maximumNesting` levels: 999 nested chunks expand in order.
    @Test func chunksNestedToTheLimitExpandInOrder() throws {
        let note = try #require(NoteParser().parse(Shape.nestedChunks.note(bytes: 999 * 40), path: "Notes/01-a.md").note)
        let resolved = Resolver().resolve(note)
        #expect(resolved.diagnostics.isEmpty, "\(resolved.diagnostics.prefix(3))")
        let source = Tangler().tangle(note, resolution: resolved.resolution).moduleSource
        let order = ["let v0 = 1", "let v1 = 1", "let v998 = 1", "let end = 1"].map { source.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "the expansion is out of order")
    }

    /// A thousand levels and more is refused at the reference that goes too deep.
    @Test func chunksNestedPastTheLimitAreAnErrorAtTheReference() throws {
        let note = try #require(NoteParser().parse(Shape.nestedChunks.note(bytes: 1200 * 40), path: "Notes/01-a.md").note)
        let errors = Resolver().resolve(note).diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.description) == [
            "Notes/01-a.md:5004:1: error: '<<c1000>>' nests chunks more than 1000 deep; Derive expands at most 1000 levels",
        ])
    }

    /// Ten thousand nested block quotes are refused at their line; a hundred are read.
    @Test func markdownNestedPastTheLimitIsAnErrorAtItsLine() throws {
        let deep = NoteParser().parse(Shape.nestedBlockQuotes.note(bytes: 20_000), path: "Notes/01-a.md")
        #expect(deep.diagnostics.map(\.description) == [
            "Notes/01-a.md:3:1: error: Markdown nested more than 1000 levels deep (block quotes, lists or emphasis); Derive reads at most 1000, the rest is left out",
        ])
        let shallow = NoteParser().parse(Shape.nestedBlockQuotes.note(bytes: 200), path: "Notes/01-a.md")
        #expect(shallow.diagnostics.isEmpty)
    }

    /// A note over 64 MiB is refused at its first line, without being parsed.
    @Test func aNoteOverTheSizeLimitIsRefusedAtItsFirstLine() {
        let text = "# A\n\n" + String(repeating: "word ", count: NoteParser.maximumSize / 5 + 1)
        let parsed = NoteParser().parse(text, path: "Notes/01-a.md")
        #expect(parsed.note == nil)
        #expect(parsed.diagnostics.map(\.description) == [
            "Notes/01-a.md:1:1: error: the note is 64 MiB; Derive reads notes of at most 64 MiB (split it into several notes)",
        ])
    }
}

/// Chunk expansion is bounded: a reference whose expansion would add more than
/// `ChunkReference.maximumExpansion` bytes to a note's code is refused at its line and left out.
@Suite("Limits: chunk expansion", .timeLimit(.minutes(10)))
struct ChunkExpansionLimitTests {
    /// A root block referencing `<<c{levels}>>`, where each level uses the one below twice.
    private func doubling(levels: Int) -> String {
        "# A\n\n```swift\n<<c\(levels)>>\n```\n\n```swift #c0\nlet x = 1\n```\n\n"
            + (1...levels).map { "```swift #c\($0)\n<<c\($0 - 1)>>\n<<c\($0 - 1)>>\n```\n\n" }.joined()
    }

    /// Thirty doubling levels would write 2^30 lines: refused at the root's reference, in
    /// milliseconds, and the tangled code leaves it out.
    @Test func aChunkThatDoublesAtThirtyLevelsIsRefusedAtTheReference() throws {
        let note = try #require(NoteParser().parse(doubling(levels: 30), path: "Notes/01-a.md").note)
        let resolved = Resolver().resolve(note)
        #expect(resolved.diagnostics.map(\.description) == [
            "Notes/01-a.md:4:1: error: '<<c30>>' expands to 1,073,741,824 lines (10 GiB); chunk expansion may add at most 16 MiB to a note's code, so it is not expanded",
        ])
        #expect(resolved.diagnostics.map(\.id) == [.chunkTooLarge])
        let source = Tangler().tangle(note, resolution: resolved.resolution).moduleSource
        #expect(!source.contains("let x = 1"))
        #expect(source.utf8.count < 1_000)
    }

    /// Sixteen levels (65,536 lines, 640 KiB) are within the limit and expand in full.
    @Test func aChunkThatDoublesWithinTheLimitExpandsInFull() throws {
        let note = try #require(NoteParser().parse(doubling(levels: 16), path: "Notes/01-a.md").note)
        let resolved = Resolver().resolve(note)
        #expect(resolved.diagnostics.isEmpty, "\(resolved.diagnostics.prefix(3))")
        let source = Tangler().tangle(note, resolution: resolved.resolution).moduleSource
        #expect(source.components(separatedBy: "let x = 1\n").count - 1 == 1 << 16)
    }

    /// The limit is on the note's total: five uses of a 3 MiB chunk fit in 16 MiB, the sixth is
    /// refused at its own line.
    @Test func theReferenceThatCrossesTheNotesTotalIsRefused() throws {
        let big = "// " + String(repeating: "x", count: 3 << 20)
        let text = "# A\n\n```swift\n" + String(repeating: "<<big>>\n", count: 6) + "```\n\n```swift #big\n\(big)\n```\n"
        let note = try #require(NoteParser().parse(text, path: "Notes/01-a.md").note)
        let resolved = Resolver().resolve(note)
        #expect(resolved.diagnostics.map(\.description) == [
            "Notes/01-a.md:9:1: error: '<<big>>' expands to 1 line (3 MiB); chunk expansion may add at most 16 MiB to a note's code, so it is not expanded",
        ])
        let source = Tangler().tangle(note, resolution: resolved.resolution).moduleSource
        #expect(source.components(separatedBy: big).count - 1 == 5)
    }
}
