import DeriveCore
@testable import DeriveWeave
import Testing

@Suite("What executed examples show, woven after them")
struct ExampleOutputTests {
    private let path = "Notes/01-a.md"

    /// A note with one `example` block at line 10 that declares the figure `fig-net`, cited in prose.
    private func note() -> Note {
        let example = CodeBlock(
            language: "swift", words: ["example", "figure=fig-net"],
            attributes: CodeAttributes(role: .example, figures: ["fig-net"]),
            code: "show(1, as: \"x\")\n", location: Fixtures.location(path, 10), firstCodeLine: 11, codeColumn: 1)
        return Fixtures.note("01-a", blocks: [
            .code(example),
            .paragraph(Paragraph(content: [.citation(Citation(label: "fig-net", location: Fixtures.location(path, 14)))],
                                 location: Fixtures.location(path, 14))),
        ])
    }

    private func output(_ items: [ExampleOutput.Item]) -> CheckReports {
        CheckReports(derivations: [], outputs: [ExampleOutput(note: path, line: 10, items: items)])
    }

    @Test func beforeAnyCheckThePageSaysWhereTheOutputWillAppearAndShowsNoNumber() throws {
        let built = try BuiltSite([note()], reports: nil)
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<div class=\"example-output pending\">"))
        #expect(page.contains("This example's output (its numbers and Figure 1) appears here once <code>derive check</code>"))
        #expect(page.contains("<span id=\"fig-net\"></span>"))
        #expect(!page.contains("<svg class=\"drawing\""))
    }

    @Test func valuesTextAndFiguresAreWovenInOrderWithTheFiguresNumber() throws {
        let drawing = Drawing(width: 100, height: 40, shapes: [
            .circle(x: 20, y: 20, radius: 10, style: .node),
            .line(x1: 30, y1: 20, x2: 70.25, y2: 20, style: .edge, arrow: true),
            .text(x: 80, y: 24, text: "a[1]", anchor: .middle, style: .label),
        ])
        let built = try BuiltSite([note()], reports: output([
            .math("J = 0.6931"), .text("Both units are active."),
            .figure(label: "fig-net", caption: "The network", drawing: drawing),
        ]))
        defer { built.remove() }
        let page = try built.page("01-a.html")
        let math = try #require(page.range(of: "<div class=\"equation output-math\">"))
        let text = try #require(page.range(of: "<p class=\"output-text\">Both units are active.</p>"))
        let figure = try #require(page.range(of: "<figure class=\"figure drawn\" id=\"fig-net\">"))
        #expect(math.lowerBound < text.lowerBound && text.lowerBound < figure.lowerBound)
        #expect(page.contains("<circle class=\"node\" cx=\"20\" cy=\"20\" r=\"10\"/>"))
        #expect(page.contains("<line class=\"edge\" x1=\"30\" y1=\"20\" x2=\"70.3\" y2=\"20\" marker-end=\"url(#arrow)\"/>"))
        #expect(page.contains("<figcaption><span class=\"figure-number\">Figure 1</span>: The network</figcaption>"))
        #expect(page.contains("href=\"#fig-net\">Figure 1</a>"))
        #expect(!page.contains("pending"))
    }

    @Test func textInADrawingAndItsCaptionIsEscapedSoNothingItCarriesRuns() throws {
        let hostile = "</text><script>alert(1)</script><text onload=\"x\">"
        let drawing = Drawing(width: 10, height: 10, shapes: [.text(x: 1, y: 1, text: hostile, anchor: .start, style: .caption)])
        let built = try BuiltSite([note()], reports: output([
            .text("<img src=x onerror=alert(1)>"), .figure(label: "fig-net", caption: "<b>bold</b> & \"quoted\"", drawing: drawing),
        ]))
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(!page.contains("<script>alert(1)"))
        #expect(!page.contains("<img src=x"))
        #expect(!page.contains("onload=\"x\""))
        #expect(page.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;text onload=&quot;x&quot;&gt;</text>"))
        #expect(page.contains("aria-label=\"&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;\""))
        #expect(page.contains(": &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</figcaption>"))
    }

    @Test func aDeclaredFigureTheExampleDidNotDrawIsAnErrorAtTheBlock() throws {
        #expect {
            try BuiltSite([note()], reports: output([.math("x = 1")]))
        } throws: { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            return diagnostics.map(\.id) == [.exampleFigureMismatch] && diagnostics.first?.location.line == 10
        }
    }
}
