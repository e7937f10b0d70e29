import DeriveCore
import DeriveResolve
@testable import DeriveWeave
import Foundation
import Testing

@Suite("Every core and the cache: the same site as a serial build, and nothing redone")
struct IncrementalTests {
    /// Notes with enough distinct formulas to keep several KaTeX workers busy.
    private static let notes: [Note] = (1...6).map { index in
        let inline: [Inline] = (0..<20).flatMap { span -> [Inline] in
            [.text("term \(span) "), .math(InlineMath(tex: "w_{\(index)\(span)} x^{\(span)}", location: Fixtures.location("Notes/0\(index)-n.md", 3)))]
        }
        return Fixtures.note("0\(index)-n", blocks: [
            Fixtures.heading(1, "Note \(index)", anchor: "note-\(index)", "Notes/0\(index)-n.md"),
            Fixtures.paragraph(inline, "Notes/0\(index)-n.md"),
            Fixtures.equation("\\frac{\\partial J}{\\partial W^{[\(index)]}} = \\begin{bmatrix} a & b \\\\ c & \(index) \\end{bmatrix}", label: "eq-\(index)", path: "Notes/0\(index)-n.md"),
            Fixtures.code("let x\(index) = \(index) // \(index)", path: "Notes/0\(index)-n.md"),
        ])
    }

    /// Every file of `site`, by relative path, with its bytes.
    private func files(_ site: URL) throws -> [String: Data] {
        var found: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            found[String(url.path.dropFirst(site.path.count + 1))] = try Data(contentsOf: url)
        }
        return found
    }

    /// Every file of `site` with its inode and modification time.
    private func stamps(_ site: URL) throws -> [String: String] {
        try files(site).keys.reduce(into: [:]) { stamps, path in
            var info = stat()
            #expect(lstat(site.appendingPathComponent(path).path, &info) == 0)
            stamps[path] = "\(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        }
    }

    @Test func manyJobsWriteTheBytesOfOne() throws {
        let serial = try BuiltSite(Self.notes, options: SiteOptions(jobs: 1))
        defer { try? FileManager.default.removeItem(at: serial.workspace) }
        let parallel = try BuiltSite(Self.notes, options: SiteOptions(jobs: 4))
        defer { try? FileManager.default.removeItem(at: parallel.workspace) }
        #expect(serial.summary.math.processesStarted == 1)
        #expect(parallel.summary.math.processesStarted > 1)
        #expect(serial.summary.pages == parallel.summary.pages)
        #expect(serial.summary.diagnostics == parallel.summary.diagnostics)
        let serialFiles = try files(serial.site), parallelFiles = try files(parallel.site)
        #expect(serialFiles.count > Self.notes.count)
        #expect(serialFiles == parallelFiles)
    }

    @Test func aRebuildWithNothingChangedRendersNoMathAndRewritesNoFile() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        #expect(cold.summary.math.rendered > 100)
        let before = try stamps(cold.site), bytes = try files(cold.site)
        let warm = try BuiltSite(Self.notes, options: options, in: workspace)
        #expect(warm.summary.math.rendered == 0)
        #expect(warm.summary.math.processesStarted == 0)
        #expect(try stamps(warm.site) == before)
        #expect(try files(warm.site) == bytes)
        #expect(warm.summary.cacheDamage.isEmpty)
        #expect(warm.summary.pages == cold.summary.pages)
    }

    @Test func aDeletedSiteIsRebuiltFromTheCacheWithoutKaTeX() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let bytes = try files(cold.site)
        try FileManager.default.removeItem(at: cold.site)
        let warm = try BuiltSite(Self.notes, options: options, in: workspace)
        #expect(warm.summary.math.rendered == 0)
        #expect(warm.summary.math.processesStarted == 0)
        #expect(warm.summary.math.cached == cold.summary.math.rendered)
        #expect(try files(warm.site) == bytes)
    }

    @Test func theCacheIsSafeToDelete() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cacheFolder = workspace.appendingPathComponent(".build/derive/cache")
        let cold = try BuiltSite(Self.notes, options: SiteOptions(cacheDirectory: cacheFolder), in: workspace)
        let bytes = try files(cold.site)
        try FileManager.default.removeItem(at: cacheFolder)
        let again = try BuiltSite(Self.notes, options: SiteOptions(cacheDirectory: cacheFolder), in: workspace)
        #expect(again.summary.math.rendered == cold.summary.math.rendered)
        #expect(again.summary.cacheDamage.isEmpty)
        #expect(try files(again.site) == bytes)
    }

    /// The notes with one formula added to the third, as an author's edit leaves them.
    private static func editedNotes() -> [Note] {
        var edited = notes
        edited[2].blocks.append(Fixtures.equation("e^{i\\pi} + 1 = 0", path: "Notes/03-n.md", line: 9))
        edited[2].sourceDigest = "digest-03-n-edited"
        return edited
    }

    /// The notes with the fourth given a new title, "The fourth note".
    private static func retitledNotes() -> [Note] {
        var retitled = notes
        retitled[3].title = "The fourth note"
        retitled[3].sourceDigest = "digest-04-n-retitled"
        return retitled
    }

    @Test func anEditRewritesOnlyThePagesThatChanged() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let before = try stamps(cold.site)
        let edited = Self.editedNotes()
        let warm = try BuiltSite(edited, options: options, in: workspace)
        #expect(warm.summary.math.rendered == 1)
        let after = try stamps(warm.site)
        #expect(Set(after.keys) == Set(before.keys))
        // The edited note's page, and the whole-course page that holds every note.
        #expect(after.keys.filter { after[$0] != before[$0] }.sorted() == ["03-n.html", "print.html"])
    }

    @Test func aRetitledNoteRewritesItsPageItsNeighboursTheIndexAndTheCourseListingOnly() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let before = try stamps(cold.site)
        #expect(try cold.page("toc.js").contains("04-n.html\\\">04-n</a>"), "toc.js lists every note")
        let retitled = Self.retitledNotes()
        let warm = try BuiltSite(retitled, options: options, in: workspace)
        let after = try stamps(warm.site)
        // Its page; the pages whose previous or next link names it; the index; the sidebar's
        // listing, the whole-course page and the search index, which hold every title.
        #expect(
            after.keys.filter { after[$0] != before[$0] }.sorted()
                == ["03-n.html", "04-n.html", "05-n.html", "index.html", "print.html", "search-index-1.js", "toc.js"])
        #expect(try warm.page("toc.js").contains("The fourth note"))
        #expect(try !warm.page("01-n.html").contains("The fourth note"), "a page lists the course only through toc.js")
    }

    @Test func aThemeThatNamesTheSidebarGetsEveryNoteOnEveryPage() throws {
        let theme = try Fixtures.theme(["note.mustache": "<nav>{{#sidebar}}<ol>{{{entriesHTML}}}</ol>{{/sidebar}}</nav>{{{body}}}\n"])
        defer { try? FileManager.default.removeItem(at: theme) }
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(theme: theme, cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let page = try cold.page("01-n.html")
        #expect(page.matches(of: /<li[^>]*><a href="0[1-6]-n\.html"/).count == Self.notes.count, "\(page)")
        #expect(page.contains(#"<li class="current"><a href="01-n.html" aria-current="page">01-n</a>"#))
        let before = try stamps(cold.site)
        let retitled = Self.retitledNotes()
        let warm = try BuiltSite(retitled, options: options, in: workspace)
        let after = try stamps(warm.site)
        let pages = Self.notes.map(\.pagePath)
        #expect(pages.filter { after[$0] == before[$0] } == [], "every page lists the new title")
        #expect(try warm.page("01-n.html").contains("The fourth note"))
    }

    @Test func onePageWrittenIntoTheSiteIsTheBytesOfAWholeBuildAndNothingElseChanges() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let before = try stamps(cold.site)
        let edited = Self.editedNotes()
        let resolutions = edited.map { Resolver().resolve($0).resolution }
        let builder = SiteBuilder(options: options)
        let unchanged = try builder.writePage(ofNoteAt: 1, notes: edited, resolutions: resolutions, reports: nil, siteDirectory: cold.site)
        #expect(!unchanged.written, "a page that comes out as the site holds it is not written")
        let page = try builder.writePage(ofNoteAt: 2, notes: edited, resolutions: resolutions, reports: nil, siteDirectory: cold.site)
        #expect(page.written && page.diagnostics.isEmpty)
        let previewed = try stamps(cold.site)
        #expect(previewed.keys.filter { previewed[$0] != before[$0] } == ["03-n.html"])
        let written = try Data(contentsOf: cold.site.appendingPathComponent("03-n.html"))
        let names = try FileManager.default.contentsOfDirectory(atPath: workspace.path)
        #expect(!names.contains { $0.contains("staging") }, "\(names)")
        let whole = try BuiltSite(edited, options: options, in: workspace)
        #expect(whole.summary.math.rendered == 0, "the page's new formula was kept in the cache")
        #expect(try Data(contentsOf: whole.site.appendingPathComponent("03-n.html")) == written)
        let after = try stamps(whole.site)
        #expect(after["03-n.html"] == previewed["03-n.html"], "the whole build found the page as it would write it")
        #expect(after.keys.filter { after[$0] != before[$0] }.sorted() == ["03-n.html", "print.html"])
        try FileManager.default.removeItem(at: whole.site)
        let fromCache = try BuiltSite(edited, options: options, in: workspace)
        #expect(fromCache.summary.math.rendered == 0, "writing one page kept the other pages' formulas in the cache")
    }

    @Test func aPageWithAnErrorIsNotWritten() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cold = try BuiltSite(Self.notes, in: workspace)
        let before = try stamps(cold.site)
        var edited = Self.notes
        edited[0].blocks.append(Fixtures.equation("\\frac{1}", path: "Notes/01-n.md", line: 9))
        let outcome = try SiteBuilder().writePage(
            ofNoteAt: 0, notes: edited, resolutions: edited.map { Resolver().resolve($0).resolution }, reports: nil, siteDirectory: cold.site)
        #expect(!outcome.written)
        #expect(outcome.diagnostics.map(\.id) == [.mathTeXError])
        #expect(try stamps(cold.site) == before)
    }

    @Test func aDamagedMathCacheIsReportedOnceRebuiltAndGivesTheSameSite() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let cacheFolder = workspace.appendingPathComponent(".build/derive/cache")
        let options = SiteOptions(cacheDirectory: cacheFolder)
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        let bytes = try files(cold.site)
        let cacheFile = cacheFolder.appendingPathComponent("math")
        var cached = try Data(contentsOf: cacheFile)
        let span = try #require(cached.range(of: Data("katex".utf8), options: [], in: (cached.count / 2)..<cached.count))
        cached[span.lowerBound] = UInt8(ascii: "X")
        try cached.prefix(cached.count - 10).write(to: cacheFile)
        try FileManager.default.removeItem(at: cold.site)
        let damaged = try BuiltSite(Self.notes, options: options, in: workspace)
        #expect(damaged.summary.cacheDamage.count == 2)
        #expect(damaged.summary.math.rendered >= 2)
        #expect(damaged.summary.math.rendered < cold.summary.math.rendered)
        #expect(try files(damaged.site) == bytes)
        let repaired = try BuiltSite(Self.notes, options: options, in: workspace)
        #expect(repaired.summary.cacheDamage.isEmpty)
        #expect(repaired.summary.math.rendered == 0)
    }

    @Test func anEditAfterAnEditRendersOnlyItsNewMath() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        _ = try BuiltSite(Self.notes, options: options, in: workspace)
        var edited = Self.notes
        edited[0].blocks.append(Fixtures.paragraph([.text("One more sentence.")], "Notes/01-n.md"))
        edited[0].sourceDigest = "digest-01-n-edited"
        _ = try BuiltSite(edited, options: options, in: workspace)
        // The pages carried over by that build kept their formulas in the cache, though it read
        // none of them: a later change to their notes renders nothing it rendered before.
        edited[4].blocks.append(Fixtures.paragraph([.text("And one here.")], "Notes/05-n.md"))
        edited[4].sourceDigest = "digest-05-n-edited"
        let second = try BuiltSite(edited, options: options, in: workspace)
        #expect(second.summary.math.rendered == 0)
    }

    @Test func theWholeCoursePageFromPagesCarriedOverIsTheBytesOfAFreshBuild() throws {
        let workspace = try Fixtures.workspace()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let options = SiteOptions(cacheDirectory: workspace.appendingPathComponent(".build/derive/cache"))
        let cold = try BuiltSite(Self.notes, options: options, in: workspace)
        // A page changed by hand in the site (note 2's) is not carried over: its stamp differs.
        let touched = cold.site.appendingPathComponent("02-n.html")
        try (try Data(contentsOf: touched) + Data("<!-- by hand -->".utf8)).write(to: touched)
        var edited = Self.notes
        edited[3].blocks.append(Fixtures.paragraph([.text("A new sentence.")], "Notes/04-n.md"))
        edited[3].sourceDigest = "digest-04-n-edited"
        let warm = try BuiltSite(edited, options: options, in: workspace)
        let fresh = try BuiltSite(edited, options: SiteOptions())
        defer { fresh.remove() }
        let print = try Data(contentsOf: warm.site.appendingPathComponent("print.html"))
        #expect(print == (try Data(contentsOf: fresh.site.appendingPathComponent("print.html"))))
        #expect(String(decoding: print, as: UTF8.self).contains("A new sentence."))
        #expect(try files(warm.site) == (try files(fresh.site)), "the page changed by hand was written again")
    }

    @Test func aThemeWhoseNotePageLeavesOutTheBodyStillPrintsIt() throws {
        let theme = try Fixtures.theme(["note.mustache": "<h1>{{title}}</h1><p>Read it in print.</p>\n"])
        defer { try? FileManager.default.removeItem(at: theme) }
        let themed = try BuiltSite(Self.notes, options: SiteOptions(theme: theme))
        defer { themed.remove() }
        let plain = try BuiltSite(Self.notes)
        defer { plain.remove() }
        #expect(try !themed.page("01-n.html").contains("eq-1"))
        let print = try themed.page("print.html")
        #expect(print.contains("id=\"n00-eq-1\"") && print.contains("term 19"))
        #expect(print == (try plain.page("print.html")), "the note is rendered again for it, as a page holding its body gives it")
    }
}
