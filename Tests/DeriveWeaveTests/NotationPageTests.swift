import DeriveCore
@testable import DeriveWeave
import Foundation
import Testing

@Suite("The notation page")
struct NotationPageTests {
    @Test func texIsComparedTokenByTokenWhateverTheSpacing() {
        func has(_ formula: String, _ pattern: String) -> Bool { TeXTokens(formula).contains(TeXTokens(pattern)) }
        #expect(has(#"\delta^{[2]} = \Delta"#, #"\delta"#))
        #expect(!has(#"\Delta^{[2]}"#, #"\delta"#))
        #expect(!has(#"\deltax"#, #"\delta"#), "a control word stands whole")
        #expect(!has(#"\mathbb{R}"#, "m"), "a letter inside a control word is not a symbol")
        #expect(has(#"\frac{1}{m}"#, "m"))
        #expect(has(#"W^{[1]}  a"#, "W^{["), "spacing never matters")
        #expect(has(#"W ^ { [ 1 ] }"#, "W^{[1]}"))
        #expect(has(#"\hat{y} - y"#, #"\hat y"#), "a group of one token is that token")
        #expect(has(#"\hat y"#, #"\hat{y}"#))
        #expect(!has(#"\hat Y"#, #"\hat y"#))
        #expect(!has("x", ""), "an empty pattern is nowhere")
    }

    @Test func listsEachSymbolWithTheNotesAndNumberedEquationsThatUseIt() throws {
        let notes = [
            Fixtures.note("01-a", title: "Alpha", blocks: [
                Fixtures.equation(#"\delta^{[2]} = \hat y - y"#, label: "eq-delta", path: "Notes/01-a.md"),
                Fixtures.equation(#"J = \frac{1}{m} \sum \mathcal{L}"#, label: "eq-cost", path: "Notes/01-a.md"),
                Fixtures.paragraph([.math(InlineMath(tex: #"\eta"#, location: Fixtures.location("Notes/01-a.md", 9)))], "Notes/01-a.md"),
            ]),
            Fixtures.note("02-b", title: "Beta", blocks: [
                Fixtures.equation(#"\Delta = \frac{1}{m} (P - E)"#, label: "eq-batch", path: "Notes/02-b.md"),
            ]),
        ]
        let at = NoteLocation(file: "derive.yml", line: 4, column: 5)
        let notation = [
            NotationSymbol(tex: #"\delta^{[l]}"#, meaning: "the error", shape: #"n_l \times 1"#, swift: "delta", match: [#"\delta"#], location: at),
            NotationSymbol(tex: "m", meaning: "examples", match: [#"\frac{1}{m}"#], location: at),
            NotationSymbol(tex: #"\eta"#, meaning: "the learning rate", location: at),
            NotationSymbol(tex: #"\kappa"#, meaning: "never used", location: NoteLocation(file: "derive.yml", line: 20, column: 5)),
        ]
        let built = try BuiltSite(notes, options: SiteOptions(notation: notation))
        defer { built.remove() }
        #expect(built.summary.pages.contains("notation.html"))
        #expect(built.summary.diagnostics.map { "\($0.id)@\($0.location)" } == ["notation.unused@derive.yml:20:5"])
        let page = try built.page("notation.html")
        let rows = page.components(separatedBy: "<tr>\n").dropFirst().map { $0.components(separatedBy: "</tr>")[0] }
        try #require(rows.count == 4)
        #expect(rows[0].contains(#"<td class="appears"><a href="01-a.html">Alpha</a> <a class="citation" href="01-a.html#eq-delta">(1)</a></td>"#))
        #expect(rows[0].contains("<code>delta</code>") && rows[0].contains("katex"))
        #expect(rows[1].contains(#"<a href="01-a.html">Alpha</a> <a class="citation" href="01-a.html#eq-cost">(2)</a>; <a href="02-b.html">Beta</a> <a class="citation" href="02-b.html#eq-batch">(1)</a>"#))
        #expect(rows[2].contains(#"<td class="appears"><a href="01-a.html">Alpha</a></td>"#), "inline math counts for the note, with no equation")
        #expect(rows[3].contains(#"<td class="appears"></td>"#))
        #expect(try built.page("index.html").contains(#"<a href="notation.html">Notation</a>"#))
        #expect(try built.page("01-a.html").contains(#"<p class="sidebar-section"><a href="notation.html">Notation</a></p>"#))
    }

    @Test func aCourseWithoutNotationHasNoNotationPage() throws {
        let built = try BuiltSite([Fixtures.note("01-a", blocks: [Fixtures.paragraph(Fixtures.text("Text."))])])
        defer { built.remove() }
        #expect(!built.exists("notation.html"))
        #expect(!(try built.page("index.html")).contains("notation.html"))
    }
}
