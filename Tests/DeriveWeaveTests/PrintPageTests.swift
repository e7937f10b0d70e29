import DeriveCore
@testable import DeriveWeave
import Foundation
import Testing

@Suite("The whole-course page")
struct PrintPageTests {
    @Test func idsArePrefixedAndLinksLeadToTheWholeCoursePage() {
        let anchors = PrintAnchors(pages: ["01-a.html", "part/02-b.html", "part/03 c.html"])
        let html = """
            <h2 id="setup">Setup</h2>
            <a class="citation" href="#eq-loss">(2)</a> <a href="02-b.html#eq-w">(1)</a> <a href="02-b.html">B</a>
            <a href="../01-a.html#setup">A</a> <a href="03%20c.html">C</a> <img src="images/net.svg" alt="x" />
            <a href="https://example.com/#x">out</a> <a href="../index.html">index</a>
            <p data-id="kept">say id=&quot;no&quot; and href=&quot;no&quot;</p>
            """
        let moved = anchors.rewrite(html, page: "part/02-b.html")
        #expect(moved == """
            <h2 id="n01-setup">Setup</h2>
            <a class="citation" href="#n01-eq-loss">(2)</a> <a href="#n01-eq-w">(1)</a> <a href="#n01">B</a>
            <a href="#n00-setup">A</a> <a href="#n02">C</a> <img src="part/images/net.svg" alt="x" />
            <a href="https://example.com/#x">out</a> <a href="index.html">index</a>
            <p data-id="kept">say id=&quot;no&quot; and href=&quot;no&quot;</p>
            """)
    }

    @Test func onlyAnAttributeAfterASpaceMovesAndAnUnclosedValueStaysAsItIs() {
        let anchors = PrintAnchors(pages: ["a.html"])
        #expect(anchors.rewrite(##"id="x" <b id="y">"##, page: "a.html") == ##"id="x" <b id="n00-y">"##)
        #expect(anchors.rewrite("<a\nhref=\"#y\">\t<i\tid=\"z\">", page: "a.html") == "<a\nhref=\"#n00-y\">\t<i\tid=\"n00-z\">")
        #expect(anchors.rewrite(##"<a href="#y"##, page: "a.html") == ##"<a href="#y"##)
        #expect(anchors.rewrite("", page: "a.html") == "")
    }

    @Test func aThousandNotesGetThreeDigits() {
        let anchors = PrintAnchors(pages: (0..<1000).map { "\($0).html" })
        #expect(anchors.prefixes["0.html"] == "n000" && anchors.prefixes["999.html"] == "n999")
        #expect(PrintAnchors(pages: ["a.html"]).prefixes["a.html"] == "n00")
    }

    @Test func holdsEveryListedNoteInOrderWithUniqueIdsAndNoLinkToNowhere() throws {
        let notes = [
            Fixtures.note("01-intro", title: "Intro", blocks: [
                Fixtures.heading(1, "Intro", anchor: "intro", "Notes/01-intro.md"),
                Fixtures.heading(2, "Setup", anchor: "setup", "Notes/01-intro.md"),
                Fixtures.equation("y = Wx + b", label: "eq-forward", path: "Notes/01-intro.md"),
                Fixtures.code("let y = 1.0\n", role: .forward, implements: ["eq-forward"], path: "Notes/01-intro.md"),
            ]),
            Fixtures.note("02-draft", title: "Draft", draft: true, blocks: [Fixtures.paragraph([.text("wip")], "Notes/02-draft.md")]),
            Fixtures.note("03-relu", title: "ReLU", blocks: [
                Fixtures.heading(2, "Setup", anchor: "setup", "Notes/03-relu.md"),
                Fixtures.equation("r = \\max(0, z)", label: "eq-forward", path: "Notes/03-relu.md"),
                Fixtures.code("let r = 0.0\n", role: .forward, implements: ["eq-forward"], path: "Notes/03-relu.md"),
            ]),
        ]
        let built = try BuiltSite(notes)
        defer { built.remove() }
        #expect(built.summary.pages.contains("print.html"))
        let page = try built.page("print.html")
        let sections = Self.captures(#"<section class="print-note" id="([^"]*)">"#, in: page)
        #expect(sections == ["n00", "n01"], "the two listed notes, the draft left out")
        #expect(!page.contains("wip"))
        let ids = Self.captures(#"\sid="([^"]*)""#, in: page)
        #expect(Set(ids).count == ids.count, "ids repeat: \(ids)")
        #expect(ids.contains("n00-eq-forward") && ids.contains("n01-eq-forward") && ids.contains("n00-setup") && ids.contains("n01-setup"))
        let links = Self.captures(##"\shref="#([^"]*)""##, in: page)
        #expect(links.count >= 6)
        #expect(links.filter { !ids.contains($0) }.isEmpty, "links to no id: \(links.filter { !ids.contains($0) })")
        #expect(!page.contains("class=\"sidebar\"") && !page.contains("theme-toggle") && !page.contains("derive.js"))
        #expect(try built.page("style.css").contains(".print-note { break-before: page;"))
    }

    @Test func aCourseThatTurnsItOffHasNoWholeCoursePageAndNoLinkToIt() throws {
        let notes = [
            Fixtures.note("01-intro", title: "Intro", blocks: [Fixtures.paragraph([.text("One.")], "Notes/01-intro.md")]),
            Fixtures.note("02-next", title: "Next", blocks: [Fixtures.paragraph([.text("Two.")], "Notes/02-next.md")]),
        ]
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cache = workspace.appendingPathComponent(".build/derive/cache")
        let built = try BuiltSite(notes, options: SiteOptions(printsWholeCourse: false, cacheDirectory: cache), in: workspace)
        #expect(!built.summary.pages.contains("print.html"))
        #expect(!FileManager.default.fileExists(atPath: built.site.appendingPathComponent("print.html").path))
        for page in ["index.html", "01-intro.html", "02-next.html"] {
            #expect(try !built.page(page).contains("print.html"), "\(page) links the whole-course page")
        }
        #expect(try built.page("index.html").contains("class=\"course-pages\"") == false)
    }

    @Test func printHTMLsThreadTakesEachPartOnceItsPageIsMadeInReadingOrderAndStopsWhenThePagesAreAbandoned() throws {
        final class Taken: @unchecked Sendable {
            private let lock = NSLock()
            private var titles: [String] = []
            func append(_ title: String) { lock.withLock { titles.append(title) } }
            var all: [String] { lock.withLock { titles } }
        }
        func placement(_ title: String) -> PrintPage.Placement {
            PrintPage.Placement(PrintPage.Part(titleHTML: title, body: "body"), in: Data("<p>body</p>".utf8))
        }
        let taken = Taken()
        let thread = PrintPageThread { thread in
            for position in [4, 7, 9] { taken.append(try thread.placement(of: position)?.titleHTML ?? "rendered again") }
        }
        thread.made(9, placement: nil)
        thread.made(4, placement: placement("four"))
        usleep(50_000)
        #expect(taken.all == ["four"], "the part of a page not yet made is not taken, nor those after it")
        thread.made(7, placement: placement("seven"))
        try thread.finish()
        #expect(taken.all == ["four", "seven", "rendered again"])
        #expect(PrintPage.Placement(PrintPage.Part(titleHTML: "", body: "body"), in: Data("<p>body</p>".utf8)).body == 3..<7)

        // Pages that failed: the thread waiting for one is stopped, and says so.
        let waiting = PrintPageThread { thread in _ = try thread.placement(of: 0) }
        waiting.abandon()
        #expect(throws: PrintPageThread.Abandoned.self) { try waiting.finish() }

        struct DiskFull: Error {}
        let failing = PrintPageThread { _ in throw DiskFull() }
        #expect(throws: DiskFull.self) { try failing.finish() }
    }

    private static func captures(_ pattern: String, in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let string = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: string.length)).map { string.substring(with: $0.range(at: 1)) }
    }
}
