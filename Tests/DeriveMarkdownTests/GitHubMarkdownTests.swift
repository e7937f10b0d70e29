import DeriveCore
import DeriveMarkdown
import Testing

@Suite("GitHub's Markdown on top of cmark: tables, strikethrough, autolinks, task lists, footnotes, callouts, figures")
struct GitHubMarkdownTests {
    private func blocks(_ text: String) throws -> [Block] {
        try #require(parse(text).note).blocks
    }

    private func table(_ text: String) throws -> Table {
        guard case .table(let table)? = try blocks(text).first(where: { if case .table = $0 { true } else { false } }) else {
            Issue.record("no table in \(text)")
            throw TableMissing()
        }
        return table
    }

    private struct TableMissing: Error {}

    /// GFM spec, example 198: a simple table.
    @Test func theSpecsFirstTable() throws {
        let found = try table("| foo | bar |\n| --- | --- |\n| baz | bim |\n")
        #expect(found.header == [[.text("foo")], [.text("bar")]])
        #expect(found.rows == [[[.text("baz")], [.text("bim")]]])
        #expect(found.alignments == [nil, nil])
    }

    /// GFM spec, example 199: alignment from the delimiter row's colons.
    @Test func alignments() throws {
        let found = try table("| abc | defghi |\n:-: | -----------:\nbar | baz\n")
        #expect(found.alignments == ["center", "right"])
        #expect(found.rows == [[[.text("bar")], [.text("baz")]]])
    }

    /// GFM spec, example 200: an escaped pipe is text, in code spans too; inline content is parsed.
    @Test func escapedPipesAndInlineContent() throws {
        let found = try table("| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n")
        #expect(found.header == [[.text("f|oo")]])
        #expect(found.rows == [[[.text("b "), .code("|"), .text(" az")]], [[.text("b "), .strong([.text("|")]), .text(" im")]]])
    }

    /// GFM spec, examples 201 and 204: rows end with the paragraph; short rows are padded, long ones cut.
    @Test func rowsArePaddedAndCut() throws {
        let found = try table("| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n")
        #expect(found.rows == [[[.text("bar")], []], [[.text("bar")], [.text("baz")]]])
    }

    /// GFM spec, example 203: a header and delimiter row that differ in cells make no table.
    @Test func aMismatchedDelimiterRowIsNoTable() throws {
        #expect(try blocks("| abc | def |\n| --- |\n| bar |\n").allSatisfy { if case .table = $0 { false } else { true } })
    }

    @Test func mathInACellStaysProtectedAndLinesBeforeTheHeaderStayAParagraph() throws {
        let all = try blocks("Before the table.\n| $a_1 * b_2$ | $|x|$ |\n| --- | --- |\n| *x* | 1 |\n")
        guard case .paragraph(let before) = all.first, case .table(let found) = all.last else {
            Issue.record("expected a paragraph then a table, got \(all)")
            return
        }
        #expect(before.content == [.text("Before the table.")])
        #expect(found.header.first == [.math(InlineMath(tex: "a_1 * b_2", location: NoteLocation(file: "Notes/t.md", line: 2, column: 4)))])
        #expect(found.location.line == 2)
    }

    @Test func strikethroughAndBareAddresses() throws {
        guard case .paragraph(let paragraph) = try blocks("This ~~was~~ is at https://example.org/a. See www.x.org, and `~~code~~`.\n").first else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.content == [
            .text("This "), .strikethrough([.text("was")]), .text(" is at "),
            .link(destination: "https://example.org/a", title: "", content: [.text("https://example.org/a")]),
            .text(". See "), .link(destination: "http://www.x.org", title: "", content: [.text("www.x.org")]),
            .text(", and "), .code("~~code~~"), .text("."),
        ])
    }

    @Test func taskListBoxes() throws {
        guard case .list(let list) = try blocks("- [ ] to do\n- [x] done\n- plain\n").first else {
            Issue.record("expected a list")
            return
        }
        #expect(list.tasks == [false, true, nil])
        #expect(list.items[0] == [.paragraph(Paragraph(content: [.text("to do")], location: NoteLocation(file: "Notes/t.md", line: 1, column: 3)))])
    }

    @Test func footnotesAreNeverLinksAndEachDefinitionStandsAlone() throws {
        let all = try blocks("Text[^1] and[^two].\n\n[^1]: One\n[^two]: Two *words*.\n")
        guard case .paragraph(let text) = all[0], case .footnote(let one) = all[1], case .footnote(let two) = all[2] else {
            Issue.record("expected a paragraph and two footnotes, got \(all)")
            return
        }
        #expect(text.content == [.text("Text"), .footnoteReference("1"), .text(" and"), .footnoteReference("two"), .text(".")])
        #expect(one.label == "1" && one.content == [.text("One")])
        #expect(two.label == "two" && two.content == [.text("Two "), .emphasis([.text("words")]), .text(".")])
        #expect(two.location.line == 4)
        #expect(diagnosticIDs("```\n[^1]: code\n```\n\n`[^x]`\n").isEmpty)
        guard case .paragraph(let code) = try blocks("`[^x]` stays code.\n").first else { return }
        #expect(code.content.first == .code("[^x]"))
    }

    @Test func calloutsAsGitHubWritesThem() throws {
        for kind in ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"] {
            guard case .quote(let quote) = try blocks("> [!\(kind)]\n> Mind the $\\delta$.\n").first else {
                Issue.record("expected a quote")
                continue
            }
            #expect(quote.callout == kind.lowercased())
            guard case .paragraph(let paragraph) = quote.blocks.first else { continue }
            #expect(paragraph.content.first == .text("Mind the "))
        }
        guard case .quote(let plain) = try blocks("> [!SHRUG] not a kind\n").first else { return }
        #expect(plain.callout == nil)
    }

    @Test func anImageAloneIsAFigureWithItsLabel() throws {
        guard case .figure(let figure) = try blocks("![The network](net.svg){#fig-net}\n").first else {
            Issue.record("expected a figure")
            return
        }
        #expect(figure.source == "net.svg" && figure.label == "fig-net" && figure.caption == [.text("The network")])
        #expect(figure.location == NoteLocation(file: "Notes/t.md", line: 1, column: 1))
        guard case .paragraph = try blocks("An inline ![image](x.png) in prose.\n").first else {
            Issue.record("an image in prose is no figure")
            return
        }
    }

    @Test func aHeadingTakesItsIdentifierFromBraces() throws {
        guard case .heading(let heading) = try blocks("## The δ recursion {#sec-delta}\n").first else { return }
        #expect(heading.anchor == "sec-delta")
        #expect(heading.content == [.text("The δ recursion")])
    }
}

/// A footnote's `[` is marked before cmark reads the line; where cmark cuts the label (inline
/// HTML inside it), the mark must come back as `[`, never reach the page as a control character.
@Suite("Footnote marks that begin no reference")
struct FootnoteMarkLeftoverTests {
    @Test func aLabelCutByInlineHTMLIsTextWithItsBracket() throws {
        let note = try #require(parse("# A\n\nSee [^<b>x</b>] here.\n").note)
        guard case .paragraph(let paragraph)? = note.blocks.last else { Issue.record("no paragraph"); return }
        let text = paragraph.content.map { inline -> String in
            switch inline {
            case .text(let text): text
            case .html(let html): html
            default: "?"
            }
        }.joined()
        #expect(text == "See [^<b>x</b>] here.")
        #expect(!text.contains("\u{01}"))
    }
}
