import DeriveCore
import DeriveMarkdown
import DeriveResolve
import Testing

/// Citations and links across the notes of a course, resolved in one pass.
@Suite("Resolving a course: citations across notes, links, footnotes")
struct CourseReferenceTests {
    private func note(_ relativePath: String, _ text: String) throws -> Note {
        try #require(NoteParser().parse(text, path: "Notes/\(relativePath)", relativePath: relativePath).note)
    }

    private func located(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.id)@\($0.location.file):\($0.location.line):\($0.location.column)" }
    }

    @Test func aLabelOfAnotherNoteIsCitedWithItsNotesNumber() throws {
        let first = try note("01-one.md", "$$\na\n$$ {#eq-a}\n\n![Net](net.svg){#fig-net}\n")
        let second = try note("part/02-two.md", "## Why {#sec-why}\n\n$$\nb\n$$ {#eq-b}\n\nSee @eq-a, @eq-b, @fig-net and @sec-why.\n")
        let (resolutions, diagnostics) = Resolver().resolve([first, second], assets: ["net.svg"])
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let citations = resolutions[1].citations
        #expect(citations["eq-a"] == CitationTarget(pagePath: "01-one.html", anchor: "eq-a", text: "(1.1)"))
        #expect(citations["eq-b"] == CitationTarget(pagePath: "part/02-two.html", anchor: "eq-b", text: "(1)"))
        #expect(citations["fig-net"] == CitationTarget(pagePath: "01-one.html", anchor: "fig-net", text: "Figure 1.1"))
        #expect(citations["sec-why"]?.text == "Why")
        #expect(resolutions.map(\.noteNumber) == ["1", "2"], "part/ has no number: the note's place counts")
        let numbered = try ["01-basics/index.md", "01-basics/03-chain.md", "02-relu.md", "intro.md"].map { try note($0, "Text.\n") }
        #expect(Resolver().resolve(numbered).resolutions.map(\.noteNumber) == ["1", "1.3", "2", "4"])
    }

    @Test func anUnknownOrAmbiguousLabelIsAnErrorAtTheCitation() throws {
        let one = try note("01-one.md", "$$\na\n$$ {#eq-x}\n")
        let two = try note("02-two.md", "$$\nb\n$$ {#eq-x}\n")
        let three = try note("03-three.md", "By @eq-x, not @eq-none.\n")
        let (_, diagnostics) = Resolver().resolve([one, two, three])
        #expect(located(diagnostics) == [
            "citation.ambiguous-label@Notes/03-three.md:1:4", "citation.unknown-label@Notes/03-three.md:1:15",
        ])
        #expect(diagnostics.first?.message.contains("Notes/01-one.md, Notes/02-two.md") == true)
        let own = try note("02-two.md", "$$\nb\n$$ {#eq-x}\n\nHere @eq-x is mine.\n")
        #expect(Resolver().resolve([one, own]).diagnostics.isEmpty, "a note's own label wins")
    }

    @Test func linksToNotesLeadToTheirPagesAndBrokenOnesAreErrorsAtTheirLine() throws {
        let intro = try note("index.md", "# Intro\n")
        let chapter = try note("part/01-ch.md", "## Deep dive\n\nSee [intro](../index.md), [dive](#deep-dive), [up](../), [me](01-ch.md#deep-dive).\n")
        let broken = try note(
            "part/02-b.md",
            "[gone](03-gone.md) [anchor](01-ch.md#nowhere) [out](../../x.md) [own](#missing) ![img](../missing.png) [web](https://e.org/x.md)\n")
        let (resolutions, diagnostics) = Resolver().resolve([intro, chapter, broken], assets: ["img/ok.png"])
        #expect(resolutions[1].links == [
            "../index.md": "index.html", "../": "index.html", "01-ch.md#deep-dive": "part/01-ch.html#deep-dive",
        ])
        #expect(located(diagnostics) == [
            "link.broken@Notes/part/02-b.md:1:1", "link.unknown-anchor@Notes/part/02-b.md:1:20",
            "link.broken@Notes/part/02-b.md:1:47", "link.unknown-anchor@Notes/part/02-b.md:1:65",
            "link.broken@Notes/part/02-b.md:1:81",
        ])
    }

    @Test func oneEditedNoteResolvesAgainstTheOthersAsTheWholeCourseWould() throws {
        let one = try note("01-one.md", "## Start {#sec-start}\n\n$$\na\n$$ {#eq-a}\n")
        let two = try note("02-two.md", "$$\nb\n$$ {#eq-b}\n\nBy @eq-a and [one](01-one.md#sec-start).\n")
        let three = try note("03-three.md", "From @eq-b.\n")
        let before = Resolver().resolve([one, two, three])
        let edited = try note(
            "02-two.md",
            "Intro[^n].\n\n$$\nc\n$$ {#eq-c}\n\n$$\nb\n$$ {#eq-b}\n\nBy @eq-c, @eq-a, @eq-gone and [one](01-one.md#nowhere).\n\n[^n]: N.\n")
        let course = [one, edited, three]
        let whole = Resolver().resolve(course)
        let alone = Resolver().resolve(noteAt: 1, of: course, resolutions: before.resolutions)
        #expect(alone.resolution == whole.resolutions[1])
        #expect(alone.resolution.equations.map(\.label) == ["eq-c", "eq-b"], "the equation added above renumbers eq-b")
        #expect(located(alone.diagnostics) == located(whole.diagnostics.filter { $0.location.file == "Notes/02-two.md" }))
        #expect(
            located(alone.diagnostics) == ["citation.unknown-label@Notes/02-two.md:11:18", "link.unknown-anchor@Notes/02-two.md:11:31"],
            "the link's own column, after three citations")
    }

    @Test func footnotesAreNumberedByFirstReferenceAndCheckedBothWays() throws {
        let text = "B[^b] then A[^a] then B[^b] and[^none].\n\n[^a]: A.\n[^b]: B.\n[^unused]: U.\n"
        let (resolution, diagnostics) = Resolver().resolve(try note("01-f.md", text))
        #expect(resolution.footnotes == ["b", "a"])
        #expect(diagnostics.map(\.id) == [.footnoteUndefined, .footnoteUnused])
        #expect(diagnostics.map(\.severity) == [.error, .warning])
    }
}
