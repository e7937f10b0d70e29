import DeriveCore
@testable import DeriveWeave
import Testing

@Suite struct SafetyTests {
    let path = "Notes/01-a.md"

    @Test func escapesScriptInTextCodeTitlesAndSummaries() throws {
        let script = "<script>alert('x')</script>"
        let note = Fixtures.note("01-a", title: "T \(script)", summary: "S \(script)", blocks: [
            .heading(Heading(level: 2, content: [.text("H \(script)")], anchor: "h\"><script>", location: Fixtures.location(path, 1))),
            Fixtures.paragraph([.text(script), .code(script), .link(destination: "https://e.org/\"><script>", title: "\"\(script)", content: [.text("l")])]),
            Fixtures.code("let s = \"\(script)\"\n"),
            Fixtures.code("\(script)\n", language: "html"),
            Fixtures.code("x\n", language: "swift\"><script>", chunk: "<script>"),
        ])
        let built = try BuiltSite([note], reports: CheckReports(derivations: [
            DerivationReport(note: path, line: 1, subject: script, parameters: [
                ParameterCheck(name: script, shape: [1], gradientShape: [1], finiteDifferenceError: 0, autodiffError: nil, tolerance: 1),
            ]),
        ], trainings: [TrainingReport(note: path, line: 2, xLabel: script, losses: [1, 0.5], results: [NamedValue(name: script, value: 1)])]))
        defer { built.remove() }
        for page in ["01-a.html", "index.html"] {
            let html = try built.page(page)
            #expect(Self.scriptsBesidesOurOwn(html) == 0, "\(page) contains a script tag of a note's")
            #expect(html.contains("&lt;script&gt;"))
        }
    }

    @Test func omitsRawHTMLByDefaultAndKeepsItWhenAllowed() throws {
        let note = Fixtures.note("01-a", blocks: [
            .html(HTMLBlock(html: "<div class=\"raw-block\"><script>alert(1)</script></div>\n", location: Fixtures.location(path, 4))),
            Fixtures.paragraph([.text("a"), .html("<b class=\"raw-inline\">"), .text("b"), .html("</b>")]),
        ])
        let omitted = try BuiltSite([note])
        defer { omitted.remove() }
        let page = try omitted.page("01-a.html")
        #expect(!page.contains("raw-block") && !page.contains("raw-inline") && Self.scriptsBesidesOurOwn(page) == 0)
        #expect(page.contains("<p>ab</p>"))
        #expect(omitted.summary.diagnostics.map(\.id) == [.htmlOmitted])
        #expect(omitted.summary.diagnostics.first?.location == Fixtures.location(path, 4))

        let kept = try BuiltSite([note], options: SiteOptions(allowsRawHTML: true))
        defer { kept.remove() }
        let allowed = try kept.page("01-a.html")
        #expect(allowed.contains("<div class=\"raw-block\"><script>alert(1)</script></div>"))
        #expect(allowed.contains("<p>a<b class=\"raw-inline\">b</b></p>"))
        #expect(kept.summary.diagnostics.isEmpty)
    }

    @Test(arguments: [
        "javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)",
        "java\nscript:alert(1)", "\u{1}javascript:alert(1)", "vbscript:msgbox(1)", "VBScript:x",
        "data:text/html,<script>alert(1)</script>", "DATA:image/svg+xml,<svg>",
    ])
    func dropsScriptLinks(destination: String) throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.paragraph([.link(destination: destination, title: "", content: [.text("click")])]),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<span class=\"dropped-link\">click</span>"))
        #expect(!page.lowercased().contains("script:"))
        #expect(!page.contains("href=\"data:"))
    }

    @Test func keepsOrdinaryLinksAndDataImagesOnly() {
        #expect(LinkPolicy.allows("https://example.org/a?b=c", isImage: false))
        #expect(LinkPolicy.allows("02-relu.html#eq-loss", isImage: false))
        #expect(LinkPolicy.allows("#eq-loss", isImage: false))
        #expect(LinkPolicy.allows("images/a:b.png", isImage: true))
        #expect(LinkPolicy.allows("data:image/png;base64,AAAA", isImage: true))
        #expect(!LinkPolicy.allows("data:image/png;base64,AAAA", isImage: false))
        #expect(!LinkPolicy.allows("data:text/html,x", isImage: true))
        #expect(!LinkPolicy.allows(" JaVa\tScRiPt:alert(1)", isImage: true))
    }

    @Test func dropsScriptImageSources() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.paragraph([.image(source: "javascript:alert(1)", title: "", alt: [.text("plot")])]),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<span class=\"dropped-image\">plot</span>"))
        #expect(!page.contains("<img"))
    }

    @Test(arguments: [
        ("", ""),
        ("plain words", "plain words"),
        ("a<b>&\"'", "a&lt;b&gt;&amp;&quot;&#39;"),
        ("&amp;", "&amp;amp;"),
        ("é & ü < ∂J/∂w", "é &amp; ü &lt; ∂J/∂w"),
        ("'\u{301} <\u{338}", "&#39;\u{301} &lt;\u{338}"),  // a quote and a < under combining marks
        ("👩‍👩‍👧 \"x\" 👩‍👩‍👧", "👩‍👩‍👧 &quot;x&quot; 👩‍👩‍👧"),
    ])
    func escapesTheFiveCharactersWhereverTheyAre(text: String, escaped: String) {
        #expect(text.htmlEscaped == escaped)
    }

    /// The `<script` tags of `html` other than the site's own (`<script src="derive.js">` and the
    /// search page's), in any letter case.
    static func scriptsBesidesOurOwn(_ html: String) -> Int {
        let all = html.lowercased().components(separatedBy: "<script").count - 1
        let own = html.matches(of: /<script src="(?:\.\.\/)*(?:derive\.js|toc\.js|lunr\/lunr\.min\.js|search-index\.js)"><\/script>/).count
        return all - own
    }
}
