import DeriveCore
import DeriveMarkdown
@testable import DeriveWeave
import NoteGenerators
import PropertyBased
import Testing

/// Math protection round-trips on generated notes: every formula's TeX is what the weave asks
/// KaTeX for, byte for byte (an inline formula broken across lines on one line), and the text of
/// every paragraph outside its math is unchanged.
// The time limit bounds a hang, not the speed: alone these run in seconds, but in the whole
// parallel suite on a loaded 2-core machine one waited 332 s for a thread.
@Suite("Properties: math protection round-trips", .timeLimit(.minutes(10)))
struct MathProtectionPropertyTests {
    /// `segments` with adjacent runs of text merged.
    private func merged(_ segments: [GeneratedNote.Segment]) -> [GeneratedNote.Segment] {
        var result: [GeneratedNote.Segment] = []
        for segment in segments {
            if case .text(let more) = segment, case .text(let text)? = result.last {
                result[result.count - 1] = .text(text + more)
            } else {
                result.append(segment)
            }
        }
        return result
    }

    /// A paragraph's inlines as runs of text, formulas and code spans, adjacent text merged.
    private func segments(_ inlines: [Inline]) -> [GeneratedNote.Segment] {
        merged(inlines.map { inline in
            switch inline {
            case .text(let text): .text(text)
            case .softBreak, .lineBreak: .text(" ")
            case .math(let math): .math(math.tex)
            case .code(let code): .code(code)
            default: .text("<\(inline)>")  // nothing else is generated in a checked paragraph
            }
        })
    }

    @Test func everyFormulaReachesTheRendererByteForByteAndNoTextOutsideMathChanges() async {
        await propertyCheck(count: 300, input: GeneratedNote.generator) { generated in
            guard let note = NoteParser().parse(generated.text, path: "Notes/01-generated.md").note else {
                Issue.record("no note")
                return
            }
            let requests = note.mathRequests
            #expect(requests.filter(\.display).map(\.tex) == generated.displayMath)
            #expect(requests.filter { !$0.display }.map(\.tex) == generated.inlineMathOnOneLine)
            let paragraphs = note.blocks.compactMap { block -> Paragraph? in
                if case .paragraph(let paragraph) = block { paragraph } else { nil }
            }
            #expect(paragraphs.count == generated.paragraphs.count)
            for (paragraph, expected) in zip(paragraphs, generated.paragraphs) {
                guard let expected else { continue }
                #expect(segments(paragraph.content) == merged(expected))
            }
        }
    }
}
