import DeriveCore
@testable import DeriveWeave
import Foundation
import Testing

@Suite struct MathTests {
    let path = "Notes/01-a.md"

    @Test func rendersInlineAndDisplayMathWithKaTeX() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.paragraph([.text("with "), .math(InlineMath(tex: "\\sigma(z)", location: Fixtures.location(path, 3, 7)))]),
            Fixtures.equation("\\frac{\\partial L}{\\partial W} = \\delta x^\\top"),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.components(separatedBy: "class=\"katex-html\"").count == 3)
        #expect(page.contains("katex-display"))
        #expect(!page.contains("katex-error"))
        #expect(built.summary.math.expressions == 2)
        #expect(built.exists("katex/katex.min.css"))
        #expect(built.exists("katex/fonts/KaTeX_Main-Regular.woff2"))
    }

    @Test func numbersLabelledEquationsAndLinksCitations() throws {
        let note = Fixtures.note("01-a", blocks: [
            Fixtures.equation("a = b", label: "eq-first"),
            Fixtures.equation("c = d"),
            Fixtures.equation("L = \\tfrac12 e^2", label: "eq-loss"),
            Fixtures.paragraph([.text("By "), .citation(Citation(label: "eq-loss", location: Fixtures.location(path, 9, 4)))]),
        ])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<div class=\"equation\" id=\"eq-first\">"))
        #expect(page.contains("<div class=\"equation\" id=\"eq-loss\">"))
        #expect(page.contains("<span class=\"equation-number\">(1)</span>"))
        #expect(page.contains("<span class=\"equation-number\">(2)</span>"))
        #expect(page.components(separatedBy: "class=\"equation-number\"").count == 3, "the unlabelled equation got a number")
        #expect(page.contains("<a class=\"citation\" href=\"#eq-loss\">(2)</a>"))
    }

    /// The resolve stage reports an unknown label (DeriveResolveTests); the weave never links it.
    @Test func aCitationOfAnUnknownLabelIsShownAsWrittenWithoutALink() throws {
        let citation = Citation(label: "eq-missing", location: Fixtures.location(path, 7, 12))
        let note = Fixtures.note("01-a", blocks: [Fixtures.paragraph([.citation(citation)])])
        let built = try BuiltSite([note])
        defer { built.remove() }
        let page = try built.page("01-a.html")
        #expect(page.contains("<p>@eq-missing</p>"))
        #expect(!page.contains("href=\"#eq-missing\""))
    }

    @Test func badTeXIsAnErrorAtTheMathAndLeavesTheOldSiteAlone() throws {
        let good = Fixtures.note("01-a", blocks: [Fixtures.equation("x^2")])
        let first = try BuiltSite([good])
        defer { first.remove() }
        let before = try first.page("01-a.html")

        let bad = Fixtures.note("01-a", blocks: [
            Fixtures.equation("\\frac{1}{\\nosuchmacro}", line: 12),
            Fixtures.paragraph([.math(InlineMath(tex: "x_", location: Fixtures.location(path, 20, 9)))]),
        ])
        let error = try #require(throws: DiagnosticError.self) { try BuiltSite([bad], in: first.workspace) }
        let messages = error.diagnostics.map(\.description)
        try #require(messages.count == 2, "\(messages)")
        #expect(messages[0].hasPrefix("Notes/01-a.md:12:3: error: TeX error: Undefined control sequence: \\nosuchmacro"))
        #expect(messages[1].hasPrefix("Notes/01-a.md:20:9: error: TeX error: Expected group after '_'"))
        #expect(error.diagnostics.allSatisfy { $0.id == .mathTeXError })
        #expect(try first.page("01-a.html") == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: first.workspace.path).sorted()
        #expect(leftovers == ["Notes", "Site"])
    }

    @Test func aMissingKaTeXFailsTheBuildWithWhatNodeSaid() throws {
        let note = Fixtures.note("01-a", blocks: [Fixtures.equation("x")])
        let options = SiteOptions(nodeModules: URL(fileURLWithPath: "/nonexistent"))
        let error = try #require(throws: WeaveError.self) { try BuiltSite([note], options: options) }
        guard case .mathRendererFailed(let message) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(message.contains("Cannot find module 'katex'"))
        let missingNode = SiteOptions(nodeExecutable: URL(fileURLWithPath: "/nonexistent/node"))
        let noNode = try #require(throws: WeaveError.self) { try BuiltSite([note], options: missingNode) }
        guard case .mathRendererFailed(let reason) = noNode else {
            Issue.record("unexpected \(noNode)")
            return
        }
        #expect(reason.contains("could not start /nonexistent/node"))
    }

    /// A worker that stops half way through a batch fails the formulas it left unanswered (the
    /// pages waiting for them throw what it said) and keeps those it answered; nothing hangs.
    // The time limit bounds a hang, not the speed: alone this takes a fraction of a second, but in
    // the whole parallel suite on 2 cores the tests that wait for `swift build` hold the threads
    // tests run on, and a minute's limit ran out while this one waited for one (tests that parse
    // a few lines, started with it, were reported passed 75 and 124 s after they started).
    @Test(.timeLimit(.minutes(10))) func aWorkerThatStopsMidBatchFailsTheFormulasItLeft() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        // A "node" that answers the first request and then dies.
        let node = workspace.appendingPathComponent("node-that-dies")
        try "#!/bin/sh\nread line\necho '{\"html\":\"<span>first</span>\"}'\necho 'worker gave up' >&2\nexit 3\n"
            .write(to: node, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: node.path)
        let renderer = KaTeXRenderer(
            options: SiteOptions(nodeExecutable: node), script: try TemplateLibrary().assets.appendingPathComponent("katex-render.js"))
        defer { renderer.stop() }
        try renderer.prepare((0..<40).map { KaTeXRenderer.Request(tex: "x_{\($0)}", display: false) })
        #expect(try renderer.render("x_{0}", display: false) == .html("<span>first</span>", warnings: []))
        let error = try #require(throws: WeaveError.self) { try renderer.render("x_{1}", display: false) }
        guard case .mathRendererFailed(let reason) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(reason.contains("worker gave up"), "\(reason)")
        #expect(throws: WeaveError.self) { try renderer.render("x_{39}", display: false) }
        #expect(renderer.statistics.rendered == 1)
    }

    /// Inline math that wrapped prose breaks across lines is asked of KaTeX with spaces for the
    /// line breaks (TeX reads a line's end as a space): rendered once with its one-line self.
    @Test func aFormulaBrokenAcrossLinesIsRenderedOnceWithTheSameFormulaOnOneLine() throws {
        let renderer = KaTeXRenderer(options: SiteOptions(), script: try TemplateLibrary().assets.appendingPathComponent("katex-render.js"))
        defer { renderer.stop() }
        let broken = try renderer.render("n_{1} \\times\n7", display: false)
        #expect(try renderer.render("n_{1} \\times 7", display: false) == broken)
        #expect(renderer.statistics.rendered == 1)
        // Byte for byte: KaTeX's positions in the formula stay those of the note.
        #expect(KaTeXRenderer.Request(tex: "a\r\nb", display: false).tex == "a  b")
        // A comment runs to its line's end: joined, the line after it would be commented out.
        let commented = KaTeXRenderer.Request(tex: "x % the count\n7", display: false)
        #expect(commented.tex == "x % the count\n7")
        guard case .html(let html, _) = try renderer.render(commented.tex, display: false) else {
            Issue.record("a formula with a comment did not render")
            return
        }
        #expect(html.contains(">7<"), "\(html)")
        // Display math keeps its lines, the layout of the TeX the page carries.
        #expect(KaTeXRenderer.Request(tex: "a \\\\\nb", display: true).tex == "a \\\\\nb")
    }

    @Test func commandsThatNeedTrustAreErrorsNotRedText() throws {
        let renderer = KaTeXRenderer(options: SiteOptions(), script: try TemplateLibrary().assets.appendingPathComponent("katex-render.js"))
        defer { renderer.stop() }
        #expect(try renderer.render("\\href{javascript:alert(1)}{x}", display: false) == .error("\\href is not allowed in a note's math"))
    }

    /// A macro bomb is an error, not a hang; a huge rule is capped at 50em.
    @Test func aFormulaCannotBlowUpTheRenderer() throws {
        let renderer = KaTeXRenderer(options: SiteOptions(), script: try TemplateLibrary().assets.appendingPathComponent("katex-render.js"))
        defer { renderer.stop() }
        let bomb = "\\def\\a{xx}\\def\\b{\\a\\a\\a\\a}\\def\\c{\\b\\b\\b\\b}\\def\\d{\\c\\c\\c\\c}\\def\\e{\\d\\d\\d\\d}\\e\\e\\e\\e\\e\\e\\e\\e"
        guard case .error(let reason) = try renderer.render(bomb, display: false) else {
            Issue.record("a macro bomb rendered")
            return
        }
        #expect(reason.contains("Too many expansions"), "\(reason)")
        guard case .html(let html, _) = try renderer.render("\\rule{100000em}{100000em}", display: false) else {
            Issue.record("a rule did not render")
            return
        }
        #expect(html.contains("border-right-width:50em") && !html.contains("width:100000"), "\(html)")
    }

    /// Renders distinct equations through one node process, never one per equation, and prints the rate.
    @Test func oneLongLivedProcessRendersEveryEquation() throws {
        let renderer = KaTeXRenderer(options: SiteOptions(), script: try TemplateLibrary().assets.appendingPathComponent("katex-render.js"))
        defer { renderer.stop() }
        let count = 500
        for index in 0..<count {
            let tex = "\\frac{\\partial L}{\\partial W^{[\(index)]}} = \\delta^{[\(index)]} \\left(a^{[\(index - 1)]}\\right)^\\top"
            guard case .html = try renderer.render(tex, display: index.isMultiple(of: 2)) else {
                Issue.record("equation \(index) failed")
                return
            }
        }
        _ = try renderer.render("\\frac{\\partial L}{\\partial W^{[0]}} = \\delta^{[0]} \\left(a^{[-1]}\\right)^\\top", display: true)
        #expect(renderer.statistics.rendered == count)
        #expect(renderer.statistics.expressions == count + 1)
        #expect(renderer.statistics.processesStarted == 1)
        let rate = try #require(renderer.statistics.renderedPerSecond)
        print("KaTeX throughput: \(count) equations in \(renderer.statistics.duration), \(Int(rate)) equations/s")
    }
}
