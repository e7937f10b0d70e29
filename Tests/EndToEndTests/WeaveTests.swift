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

    @Test("weaves started while the course is locked wait, then leave one whole site")
    func concurrentWeavesLeaveOneWholeSite() async throws {
        let folder = try TemporaryFolder()
        try folder.copy(fixture: "clean")
        let arguments = ["weave", "--notes", "Notes", "--site", "Site"]
        let alone = try await DeriveRun.run(arguments, in: folder.url)
        #expect(alone.status == 0, "\(alone.stderr)")
        let site = try FolderTree(folder("Site"))
        try FileManager.default.removeItem(at: folder("Site"))

        // Hold the course's lock as a running `derive build` would (flock on the course folder).
        let held = open(folder.url.path, O_RDONLY | O_DIRECTORY)
        try #require(held >= 0 && flock(held, LOCK_EX | LOCK_NB) == 0)
        let first = try DeriveProcess(arguments, in: folder.url)
        let second = try DeriveProcess(arguments, in: folder.url)
        for process in [first, second] {
            _ = try await process.waitForOutput("waiting for it to finish", timeout: .seconds(60))
        }
        #expect(!FileManager.default.fileExists(atPath: folder("Site").path), "a weave wrote while the course was locked")
        close(held)
        for process in [first, second] {
            #expect(try await process.wait(timeout: .seconds(60)) == 0, "\(process.stderr)")
        }
        #expect(try FolderTree(folder("Site")).differences(from: site) == [])
        #expect(try folder.names().filter { $0 != ".build" } == ["Notes", "Site"], "a staging or retired folder was left behind")
    }
}
