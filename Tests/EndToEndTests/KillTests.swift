import Foundation
import Testing

/// Nothing lost: `derive weave`, `derive tangle` and `derive build` killed with SIGKILL at
/// several moments (each awaited as an event: a stage's line, a folder's creation, a page's)
/// leave the previous site and the previous tangled sources whole, and the next run clears
/// what the killed one left.
@Suite("Nothing lost: derive killed mid-run", .serialized, .timeLimit(.minutes(10)))
struct KillTests {
    /// A copy of the book fixture, woven into Site/ and tangled into Tangled/, with a long note
    /// (so that parsing takes a while) and a note of formulas that is new at each `round` (so
    /// that KaTeX has work).
    private final class Course {
        let folder: TemporaryFolder
        var site: FolderTree
        var tangled: FolderTree
        private var round = 0

        init() async throws {
            folder = try TemporaryFolder()
            try folder.copy(fixture: "book")
            let long = (0..<40_000).map { "Plain words in a long note, paragraph \($0).\n\n" }.joined()
            try folder.write("# A long note\n\n" + long, to: "Notes/90-long.md")
            try folder.write(Course.formulas(round: 0), to: "Notes/91-formulas.md")
            let weave = try await DeriveRun.run(["weave"], in: folder.url, timeout: .seconds(300))
            try #require(weave.status == 0, "\(weave.stderr)")
            let tangle = try await DeriveRun.run(["tangle", "--output", "Tangled"], in: folder.url, timeout: .seconds(300))
            try #require(tangle.status == 0, "\(tangle.stderr)")
            site = try FolderTree(folder("Site"))
            tangled = try FolderTree(folder("Tangled"))
        }

        static func formulas(round: Int) -> String {
            "# Formulas\n\n" + (0..<1500).map { "Formula $x_{\(round)} + y_{\($0)}$ here.\n\n" }.joined()
        }

        /// Changes the notes, so that a finished run would change the site and the tangled sources.
        func edit() throws {
            round += 1
            try folder.write(Course.formulas(round: round), to: "Notes/91-formulas.md")
            try folder.write("# Edited \(round)\n\n```swift\nlet edited\(round) = \(round)\n```\n", to: "Notes/92-edited.md")
        }

        /// The staging folders killed swaps left beside the site.
        func stagingFolders() throws -> [URL] {
            try folder.names().filter { $0.hasPrefix(".Site.staging-") }.map { folder($0) }
        }

        func expectWhole(_ moment: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            #expect(try FolderTree(folder("Site")).differences(from: site) == [], "killed \(moment): the site changed",
                    sourceLocation: sourceLocation)
            #expect(try FolderTree(folder("Tangled")).differences(from: tangled) == [], "killed \(moment): the tangled sources changed",
                    sourceLocation: sourceLocation)
        }
    }

    // The moment of each kill is taken where it is seen, on the thread that watches for it:
    // `freeze` stops derive there and then (SIGSTOP), and `killTree` kills it and what it
    // started whenever the test gets to it, so a busy machine cannot move the moment.

    /// Freezes `pid` and every process under it (SIGSTOP, so none can start another), then kills
    /// them all with SIGKILL: the moment of the kill is the moment of the first SIGSTOP.
    private func killTree(_ process: DeriveProcess) async throws {
        let pid = process.process.processIdentifier
        kill(pid, SIGSTOP)
        var all = [pid], frontier = [pid]
        while let parent = frontier.popLast() {
            for child in Self.children(of: parent) where !all.contains(child) {
                kill(child, SIGSTOP)
                all.append(child)
                frontier.append(child)
            }
        }
        for member in all { kill(member, SIGKILL) }
        let status = try await process.wait(timeout: .seconds(30))
        #expect(process.process.terminationReason == .uncaughtSignal && status == SIGKILL)
    }

    /// The processes `pid`'s threads started, from /proc.
    private static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task in
            ((try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? "")
                .split(separator: " ").compactMap { Int32($0) }
        }
    }

    @Test("SIGKILL during the parse, KaTeX, page writing and the check leaves Site/ and the tangled sources whole")
    func killedAtEachMoment() async throws {
        let course = try await Course()
        let root = course.folder.url

        // During the parse: `derive weave` and `derive tangle`, killed when they say the parse started.
        for arguments in [["weave", "--verbose"], ["tangle", "--output", "Tangled", "--verbose"]] {
            try course.edit()
            let run = try DeriveProcess(arguments, in: root)
            _ = try await run.waitForOutput(#"parse +started"#, timeout: .seconds(120), onMatch: { run.freeze() })
            try await killTree(run)
            #expect(!run.stdout.contains("resolve"), "the parse had finished before the kill:\n\(run.stdout)")
            try course.expectWhole("during the parse of derive \(arguments[0])")
        }

        // During KaTeX: killed as the weave makes its staging folder, before any page is written
        // (the staging folder it leaves shows that: no page in it).
        try course.edit()
        let events = try FileEvents()
        try events.watch(root)
        let katex = try DeriveProcess(["weave"], in: root)
        let staging = try await events.next(timeout: .seconds(120)) {
            guard $0.lastPathComponent.hasPrefix(".Site.staging-") else { return false }
            katex.freeze()
            return true
        }
        try await killTree(katex)
        let left = try FolderTree(staging).paths
        #expect(!left.contains { $0.hasSuffix(".html") }, "pages were written before the kill: \(left)")
        try course.expectWhole("during KaTeX")

        // During page writing: killed at the first entry of the staging folder (a page, or the
        // folder of a part's pages, made just before its first page; no page is carried over,
        // since each round retitles a note, which every page's sidebar shows). The
        // killed run before this one left a staging folder; this run clears it.
        try course.edit()
        let pageEvents = try FileEvents()
        try pageEvents.watch(root)
        let pages = try DeriveProcess(["weave"], in: root)
        // The staging folder is watched from the thread that sees it made, so that no page
        // written before this task resumes goes unseen.
        let pageStaging = try await pageEvents.next(timeout: .seconds(120)) {
            guard $0.lastPathComponent.hasPrefix(".Site.staging-") else { return false }
            try? pageEvents.watch($0)
            return true
        }
        let page = try await pageEvents.next(timeout: .seconds(120)) {
            guard $0.deletingLastPathComponent().lastPathComponent == pageStaging.lastPathComponent else { return false }
            pages.freeze()
            return true
        }
        try await killTree(pages)
        #expect(!FileManager.default.fileExists(atPath: staging.path), "the earlier killed run's staging folder was not cleared")
        let written = try FolderTree(pageStaging).paths.filter { $0.hasSuffix(".html") }
        #expect(written.count < course.site.paths.filter { $0.hasSuffix(".html") }.count, "every page was written before the kill: \(page)")
        try course.expectWhole("during page writing")

        // During the check: `derive build`, killed (with the compiler it started) when the check starts.
        try course.edit()
        let build = try DeriveProcess(["build", "--verbose"], in: root)
        _ = try await build.waitForOutput(#"check +started"#, timeout: .seconds(300), onMatch: { build.freeze() })
        try await killTree(build)
        try course.expectWhole("during the check")
        // The check's package holds whole files only: each is the one a finished tangle writes now.
        let now = try await DeriveRun.run(["tangle", "--output", ".build/tangled-now"], in: root, timeout: .seconds(300))
        try #require(now.status == 0, "\(now.stderr)")
        let expected = try FolderTree(course.folder(".build/tangled-now/Sources/Notes"))
        let package = course.folder(".build/derive/check/Sources/Notes")
        if FileManager.default.fileExists(atPath: package.path) {
            for (name, data) in try FolderTree(package).files where name.hasSuffix(".swift") && name != "_Exports.swift" {
                #expect(data == expected.files[name], "\(name) in the check package is not the whole tangled file")
            }
        }

        // The next run finishes, and leaves no staging or retired folder behind.
        let finished = try await DeriveRun.run(["weave"], in: root, timeout: .seconds(300))
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(try course.stagingFolders().isEmpty)
        #expect(try course.folder.names().filter { $0.hasPrefix(".Site.") } == [])
        #expect(try FolderTree(course.folder("Site")).differences(from: course.site) != [], "the finished weave changed nothing")
    }
}
