import Foundation
import Testing

/// `derive weave`: the same notes give the same site, and bad TeX is an error that keeps the old site.
@Suite("derive weave")
struct WeaveTests {
    @Test("weaving twice gives byte-identical sites")
    func deterministic() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let first = try await DeriveRun.run(["weave", "--notes", "Notes", "--site", "Site"], in: folder.url)
        #expect(first.status == 0, "\(first.stderr)")
        let site = try FolderTree(folder("Site"))
        #expect(site.paths.contains("index.html") && site.paths.contains("01-sigmoid-neuron.html"))
        let second = try await DeriveRun.run(["weave", "--notes", "Notes", "--site", "Site"], in: folder.url)
        #expect(second.status == 0)
        #expect(try FolderTree(folder("Site")).differences(from: site) == [])
    }

    @Test("bad TeX is an error at the note's line and leaves the previous site untouched")
    func badTeXKeepsTheSite() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let good = try await DeriveRun.run(["weave", "--notes", "Notes", "--site", "Site"], in: folder.url)
        #expect(good.status == 0, "\(good.stderr)")
        let before = try FolderTree(folder("Site"))

        try folder.write("# Bad TeX\n\nA fraction short of a denominator: $\\frac{1}$.\n", to: "Notes/03-bad-tex.md")
        let bad = try await DeriveRun.run(["weave", "--notes", "Notes", "--site", "Site"], in: folder.url)
        #expect(bad.status != 0)
        #expect(bad.stderr.hasPrefix("Notes/03-bad-tex.md:3:37: error: TeX error: "), "\(bad.stderr)")
        #expect(try FolderTree(folder("Site")).differences(from: before) == [])
        // .build holds the build cache (.build/derive/cache); nothing else may be left beside the site.
        #expect(try folder.names().filter { $0 != ".build" } == ["Notes", "Site"], "a staging folder was left behind")
    }
}
