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
            if page != "index.html" {
                #expect(dom.hasClass("katex-html"), "\(page): no math laid out by KaTeX")
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
        let folder = (page as NSString).deletingLastPathComponent
        let target = path.isEmpty ? page : ((folder as NSString).appendingPathComponent(path) as NSString).standardizingPath
        guard !target.hasPrefix(".."), FileManager.default.fileExists(atPath: site.appendingPathComponent(target).path) else {
            return false
        }
        guard parts.count == 2, !parts[1].isEmpty else { return true }
        let anchor = parts[1].removingPercentEncoding ?? parts[1]
        return doms[target]?.ids.contains(anchor) ?? false
    }
}
