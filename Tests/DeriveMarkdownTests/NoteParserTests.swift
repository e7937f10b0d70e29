import DeriveCore
import DeriveMarkdown
import Testing

@Suite("Notes: front matter, code blocks and their words, labels")
struct NoteParserTests {
    @Test func frontMatterGivesTitleSummaryAndDraft() {
        let parsed = parse("---\ntitle: Backprop\nsummary: One line.\ndraft: true\n---\n\n# Heading\n")
        #expect(parsed.note?.title == "Backprop")
        #expect(parsed.note?.summary == "One line.")
        #expect(parsed.note?.isDraft == true)
        #expect(parsed.note?.headings.first?.location.line == 7)
    }

    @Test func titleFallsBackToFirstHeading() {
        #expect(parse("Intro\n\n# The *real* title\n").note?.title == "The real title")
    }

    @Test func aLinkAfterMathOrACitationOnItsLineIsAtItsOwnColumn() throws {
        let text = "[a](a.md) $x$ [b](b.md) and $\\alpha+\\beta$, @eq-d ![c](c.png)\n- item $y$ [d](d.md)\n"
        let note = try #require(parse(text).note)
        let columns = note.links.map { "\($0.destination)@\($0.location?.line ?? 0):\($0.location?.column ?? 0)" }
        #expect(columns == ["a.md@1:1", "b.md@1:15", "c.png@1:51", "d.md@2:12"])
    }

    @Test func codeBlockWordsAndPositions() throws {
        let note = "Text\n\n- item\n\n  ```swift delta #layer-3 implements=eq-d\n  let x = 1\n  ```\n"
        let block = try #require(parse(note).note?.codeBlocks.first)
        #expect(block.language == "swift")
        #expect(block.attributes.role == .delta)
        #expect(block.attributes.chunkName == "layer-3")
        #expect(block.attributes.implements == ["eq-d"])
        #expect(block.location == NoteLocation(file: "Notes/t.md", line: 5, column: 3))
        #expect(block.firstCodeLine == 6)
        #expect(block.codeColumn == 3)
        #expect(block.code == "let x = 1\n")
    }

    @Test func unknownWordIsAnErrorAtItsColumnWithASuggestion() throws {
        let diagnostics = parse("```swift tset\nlet x = 1\n```\n").diagnostics
        let error = try #require(diagnostics.first)
        #expect(error.id == .infoUnknownWord)
        #expect(error.location.line == 1 && error.location.column == 10)
        #expect(error.message.contains("did you mean 'test'?"))
    }

    @Test func twoRolesOnOneBlockIsAnError() {
        #expect(diagnosticIDs("```swift forward loss\nlet x = 1\n```\n") == ["info.two-roles@1:18"])
    }

    @Test func unterminatedFenceIsAWarning() throws {
        let diagnostics = parse("# T\n\n```swift\nlet x = 1\n").diagnostics
        #expect(diagnostics.map(\.id) == [.codeUnterminatedFence])
        #expect(diagnostics.first?.severity == .warning)
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test func closedFenceGivesNoWarning() {
        #expect(parse("```swift\nlet x = 1\n```\n").diagnostics.isEmpty)
        #expect(parse("> ```swift\n> let x = 1\n> ```\n").diagnostics.isEmpty)
    }

    @Test func displayMathThatNeverClosesIsAnError() {
        #expect(diagnosticIDs("Text\n\n$$\nx = 1\n\nMore text.\n") == ["math.unclosed-display@3:1"])
        #expect(diagnosticIDs("Inline $$x = 1 and no end.\n") == ["math.unclosed-display@1:8"])
    }

    @Test func labelsAreReadWhereTheyAreWritten() {
        let note = parse("$$a$$ {#eq-a}\n\n$$b$$\n\n$$c$$ {#eq-c}\n").note
        #expect(note?.displayMath.map(\.label) == ["eq-a", nil, "eq-c"])
        #expect(note?.displayMath.compactMap(\.labelLocation).map(\.description) == ["Notes/t.md:1:7", "Notes/t.md:5:7"])
        // Numbers, citations and implements= are resolved later, once (DeriveResolveTests).
        #expect(diagnosticIDs("$$a$$ {#eq-a}\n\nBy @eq-a and @eq-b.\n").isEmpty)
    }

    @Test func emailIsNotACitation() {
        #expect(parse("Mail me@eq-x.org please.").diagnostics.isEmpty)
    }

    @Test func noteThatIsNotUTF8IsAnErrorAtTheBadByte() {
        let bytes = Array("# Title\n\nab".utf8) + [0xFF] + Array("cd\n".utf8)
        let parsed = NoteParser().parse(bytes, path: "Notes/bad.md")
        #expect(parsed.note == nil)
        #expect(parsed.diagnostics.map { "\($0.id)@\($0.location.line):\($0.location.column)" } == ["note.not-utf8@3:3"])
    }

    @Test func headingAnchorsAreUniqueSlugs() {
        let note = parse("# Forward pass\n\n## The δ recursion\n\n## Forward pass\n").note
        #expect(note?.headings.map(\.anchor) == ["forward-pass", "the-δ-recursion", "forward-pass-2"])
    }

    @Test func crlfLineEndingsKeepLineNumbers() {
        let note = parse("# T\r\n\r\n```swift test\r\nlet x = 1\r\n```\r\n").note
        #expect(note?.codeBlocks.first?.firstCodeLine == 4)
        #expect(note?.codeBlocks.first?.code == "let x = 1\n")
    }
}
