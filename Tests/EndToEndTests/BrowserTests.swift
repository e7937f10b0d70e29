import Foundation
import Testing

/// The real notes, woven and loaded in headless Chromium: math laid out, code highlighted, links whole.
@Suite("the woven site in a browser")
struct BrowserTests {
    @Test("every page of the real notes renders, and every internal link resolves")
    func realNotesInChromium() async throws {
        guard let chromium = Chromium.find() else {
            Issue.record("chromium is not installed; run scripts/install-system-packages --browser")
            return
        }
        let folder = try TemporaryFolder()
        let notes = DeriveRun.repository.appendingPathComponent("Notes").path
        let weave = try await DeriveRun.run(["weave", "--notes", notes, "--site", "Site"], in: folder.url)
        try #require(weave.status == 0, "weaving Notes/ failed:\n\(weave.stderr)")
        let site = folder("Site")
        let pages = try FolderTree(site).paths.filter { $0.hasSuffix(".html") }
        try #require(pages.contains("index.html") && pages.count > 1)

        let screenshot = DeriveRun.repository.appendingPathComponent(".build/site-screenshot.png")
        try await checkInChromium(chromium, site: site, pages: pages, screenshot: screenshot, everyNoteHasMath: true)
    }

    /// A book written for pandoc, Quarto and GitHub (22 chapters in four folders, cross-chapter
    /// citations, tables, footnotes, callouts, figures) weaves with no error, and every internal
    /// link of every page resolves in the browser.
    @Test("a book written for another tool weaves unchanged, and every internal link resolves")
    func bookInChromium() async throws {
        guard let chromium = Chromium.find() else {
            Issue.record("chromium is not installed; run scripts/install-system-packages --browser")
            return
        }
        let folder = try TemporaryFolder()
        let notes = Fixture.folder("book").appendingPathComponent("Notes").path
        let weave = try await DeriveRun.run(["weave", "--notes", notes, "--site", "Site", "-q"], in: folder.url)
        try #require(weave.status == 0, "weaving the book failed:\n\(weave.stderr)")
        #expect(weave.stderr == "", "the book gave diagnostics")
        let site = folder("Site")
        let pages = try FolderTree(site).paths.filter { $0.hasSuffix(".html") }
        #expect(pages.count == 30, "27 notes, the whole-course page, the search page and 404.html")
        #expect(pages.contains("index.html") && pages.contains("02-models/index.html") && pages.contains("04-practice/05-case-study.html"))
        let screenshot = DeriveRun.repository.appendingPathComponent(".build/book-screenshot.png")
        try await checkInChromium(chromium, site: site, pages: pages, screenshot: screenshot, everyNoteHasMath: false)
    }

    /// Loads every page: no KaTeX error, no `$$` left, math laid out where there is math, and
    /// every internal link to an existing file and id; a screenshot of the first note page.
    private func checkInChromium(
        _ chromium: Chromium, site: URL, pages: [String], screenshot: URL, everyNoteHasMath: Bool
    ) async throws {
        try FileManager.default.createDirectory(at: screenshot.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: screenshot)
        let pictured = try #require(pages.first { $0 != "index.html" })

        // Two Chromiums at a time: more only fight over this machine's two cores.
        let doms = try await withThrowingTaskGroup(of: (String, PageDOM).self) { group in
            var waiting = pages[...]
            func startNext() {
                guard let page = waiting.popFirst() else { return }
                group.addTask {
                    let html = try await chromium.dumpDOM(
                        of: site.appendingPathComponent(page), screenshot: page == pictured ? screenshot : nil)
                    return (page, PageDOM(html: html))
                }
            }
            startNext()
            startNext()
            var doms: [String: PageDOM] = [:]
            while let (page, dom) = try await group.next() {
                doms[page] = dom
                startNext()
            }
            return doms
        }

        for page in pages {
            let dom = try #require(doms[page])
            #expect(!dom.hasClass("katex-error"), "\(page): KaTeX could not lay out some math")
            let leftDollars = dom.proseText.contains("$$")
            #expect(!leftDollars, "\(page): a literal $$ is left in the text")
            let isNote = !["index.html", "search.html", "404.html"].contains(page)
            if isNote && (everyNoteHasMath || !page.hasSuffix("index.html")) {
                #expect(dom.hasClass("katex-html"), "\(page): no math laid out by KaTeX")
            }
            if everyNoteHasMath && dom.hasClass("language-swift") {
                #expect(dom.hasClass("hl-kw") && dom.hasClass("hl-ty"), "\(page): Swift code is not highlighted")
            }
            let broken = dom.links.filter { !resolves($0, from: page, site: site, doms: doms) }
            #expect(!dom.links.isEmpty, "\(page): no links at all")
            #expect(broken.isEmpty, "\(page): links to no file or no such id: \(broken)")
        }

        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "the screenshot is not a PNG")
        #expect(png.count > 10_000, "the screenshot is suspiciously small (\(png.count) bytes)")
    }

    /// Whether an internal `link` on `page` names an existing file and, after `#`, an existing id there.
    /// External links (with a scheme) are not followed.
    private func resolves(_ link: String, from page: String, site: URL, doms: [String: PageDOM]) -> Bool {
        if link.firstMatch(of: /^[a-zA-Z][a-zA-Z0-9+.-]*:/) != nil { return true }
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let path = parts[0].removingPercentEncoding ?? parts[0]
        var components = page.split(separator: "/").dropLast().map(String.init)
        for component in path.split(separator: "/") {
            if component == ".." {
                guard !components.isEmpty else { return false }  // out of the site
                components.removeLast()
            } else if component != "." {
                components.append(String(component))
            }
        }
        let target = path.isEmpty ? page : components.joined(separator: "/")
        guard FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path) else { return false }
        guard parts.count == 2, !parts[1].isEmpty else { return true }
        let anchor = parts[1].removingPercentEncoding ?? parts[1]
        return doms[target]?.ids.contains(anchor) ?? false
    }
}
