import DeriveCore
import DeriveMarkdown
import DeriveResolve
import DeriveTangle
import NoteGenerators
import PropertyBased
import Testing

/// Properties of parse, resolve and tangle over generated notes: the parse never fails on valid
/// UTF-8, every tangled line maps back to its note's line, and chunk expansion terminates within
/// its bound.
// The time limit bounds a hang, not the speed: alone these run in seconds, but in the whole
// parallel suite on a loaded 2-core machine one waited 332 s for a thread.
@Suite("Properties: parse and tangle over generated notes", .timeLimit(.minutes(10)))
struct TanglePropertyTests {
    private func tangle(_ text: String) throws -> (note: Note, resolution: NoteResolution, tangled: TangledNote) {
        let note = try #require(NoteParser().parse(text, path: "Notes/01-generated.md").note)
        let resolved = Resolver().resolve(note)
        return (note, resolved.resolution, Tangler().tangle(note, resolution: resolved.resolution))
    }

    /// Any valid UTF-8 under the size limit parses to a note (it may be diagnosed), and resolves
    /// and tangles without a crash.
    @Test func theParseNeverFailsOnValidUTF8() async {
        await propertyCheck(count: 400, input: HostileText.generator) { text in
            let parsed = NoteParser().parse(Array(text.utf8), path: "Notes/01-a.md")
            #expect(parsed.note != nil, "\(parsed.diagnostics)")
            if let note = parsed.note {
                let resolved = Resolver().resolve(note)
                _ = Tangler().tangle(note, resolution: resolved.resolution)
            }
        }
    }

    /// Every line of tangled Swift that is not a directive or blank sits under a
    /// `#sourceLocation(file: "<the note>", line: L)`, and is the note's line L (counting on from
    /// the directive), with the indentation chunk expansion adds.
    @Test func everyTangledLineMapsBackToItsNotesLine() async throws {
        await propertyCheck(count: 200, input: GeneratedNote.generator) { generated in
            guard let (note, _, tangled) = try? tangle(generated.text) else { Issue.record("no note"); return }
            let noteLines = generated.text.split(separator: "\n", omittingEmptySubsequences: false)
            for source in [tangled.moduleSource, tangled.testSource] {
                var mapped: Int?
                for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
                    if line.hasPrefix("#sourceLocation(file: ") {
                        #expect(line.hasPrefix("#sourceLocation(file: \"\(note.path)\", line: "), "\(line)")
                        mapped = Int(line.split(separator: " ").last?.dropLast() ?? "")
                        continue
                    }
                    if line == "#sourceLocation()" { mapped = nil; continue }
                    guard let number = mapped else {
                        let isHeader = line.hasPrefix("//") || line.hasPrefix("import ") || line.hasPrefix("@testable import ") || line.isEmpty
                        #expect(isHeader, "an unmapped line of code: \(line)")
                        continue
                    }
                    mapped = number + 1
                    guard !line.allSatisfy(\.isWhitespace) else { continue }
                    #expect(number >= 1 && number <= noteLines.count, "line \(number) is past the note's end")
                    guard number >= 1 && number <= noteLines.count else { continue }
                    #expect(
                        line.drop { $0 == " " } == noteLines[number - 1].drop { $0 == " " },
                        "emitted \(line) for note line \(number): \(noteLines[number - 1])")
                }
            }
        }
    }

    /// Chunks that use each other at random (cycles, undefined chunks, chunks used many times)
    /// expand to a bounded amount of code, and the tangle returns.
    @Test func chunkExpansionTerminatesWithinItsBound() async throws {
        await propertyCheck(count: 200, input: GeneratedNote.generator) { generated in
            guard let (_, _, tangled) = try? tangle(generated.text) else { Issue.record("no note"); return }
            let code = (tangled.moduleSource + tangled.testSource).split(separator: "\n").filter { !$0.hasPrefix("#sourceLocation") }
            let bytes = code.reduce(0) { $0 + $1.utf8.count + 1 }
            #expect(bytes <= 2 * (generated.text.utf8.count + ChunkReference.maximumExpansion))
        }
    }

    /// A chain of `levels` chunks, each using the one below `fanOut` times, expands to
    /// `fanOut^levels` copies of the bottom line, or is refused as too large when that is more
    /// than the limit (an oracle that does not share the tangler's arithmetic).
    @Test func aChainOfChunksExpandsToItsProductOrIsRefused() async throws {
        // Either small enough to expand here in full (at most 4,096 copies) or far past the limit.
        await propertyCheck(count: 100, input: Gen.int(in: 1...3), Gen.bool, Gen.int(in: 0...1000)) { fanOut, huge, number in
            let levels = huge ? 22 + number % 24 : 1 + number % [60, 12, 7][fanOut - 1]
            let line = "let bottom = 1"
            var text = "# A\n\n```swift\n<<c\(levels)>>\n```\n\n```swift #c0\n\(line)\n```\n\n"
            for level in 1...levels {
                text += "```swift #c\(level)\n" + String(repeating: "  <<c\(level - 1)>>\n", count: fanOut) + "```\n\n"
            }
            guard let (note, resolution, tangled) = try? tangle(text) else { Issue.record("no note"); return }
            let copies = (0..<levels).reduce(1.0) { product, _ in product * Double(fanOut) }
            // Only the bottom line is code; each level indents it by two more spaces.
            let bytes = copies * Double(line.utf8.count + 1 + 2 * levels)
            let refused = Resolver().resolve(note).diagnostics.filter { $0.id == .chunkTooLarge }
            if bytes > Double(ChunkReference.maximumExpansion) {
                #expect(refused.map(\.location.line) == [4])
                #expect(resolution.unexpandedReferenceLines == [4])
                #expect(!tangled.moduleSource.contains(line))
            } else {
                #expect(refused.isEmpty)
                #expect(Double(tangled.moduleSource.components(separatedBy: line).count - 1) == copies)
            }
        }
    }
}
