import Foundation
import Testing

/// Nothing lost: `derive weave`, `derive tangle` and `derive build` killed with SIGKILL at
/// several moments (each one where derive stops itself, `DERIVE_TEST_STOP_AT`)
/// leave the previous site and the previous tangled sources whole, and the next run clears
/// what the killed one left.
@Suite("Nothing lost: derive killed mid-run", .serialized, .timeLimit(.minutes(10)))
struct KillTests {
    /// A copy of the book fixture, woven into Site/ and tangled into Tangled/, with a note of
    /// formulas that is new at each `round` (so that KaTeX has work).
    private final class Course {
        let folder: TemporaryFolder
        var site: FolderTree
        var tangled: FolderTree
        private var round = 0

        init() async throws {
            folder = try TemporaryFolder()
            try folder.copy(fixture: "book")
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

    // The moment of each kill is derive's own: run with DERIVE_TEST_STOP_AT, it stops itself
    // there (SIGSTOP) and says so, and `killTree` kills it and what it started whenever the
    // test gets to it, so a busy machine cannot move the moment.

    /// Starts `derive arguments` in `course`, to stop itself at `moment`, and waits until it has.
    private func stopped(_ arguments: [String], in course: Course, at moment: String) async throws -> DeriveProcess {
        let run = try DeriveProcess(arguments, in: course.folder.url, environment: ["DERIVE_TEST_STOP_AT": moment])
        _ = try await run.waitForOutput("stopped at \(moment)", in: .standardError, timeout: .seconds(300))
        return run
    }

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

        // During the parse: `derive weave` and `derive tangle`.
        for arguments in [["weave", "--verbose"], ["tangle", "--output", "Tangled", "--verbose"]] {
            try course.edit()
            let run = try await stopped(arguments, in: course, at: "parse")
            try await killTree(run)
            #expect(!run.stdout.contains("resolve"), "the parse had finished before the kill:\n\(run.stdout)")
            try course.expectWhole("during the parse of derive \(arguments[0])")
        }

        // During KaTeX: its workers started, no page written yet (the staging folder it leaves
        // shows that: no page in it).
        try course.edit()
        let katex = try await stopped(["weave"], in: course, at: "katex")
        try await killTree(katex)
        let staging = try #require(try course.stagingFolders().first, "the killed weave left no staging folder")
        let left = try FolderTree(staging).paths
        #expect(!left.contains { $0.hasSuffix(".html") }, "pages were written before the kill: \(left)")
        try course.expectWhole("during KaTeX")

        // During page writing: killed once the first note's page is in the staging folder (no
        // page is carried over, since each round retitles a note, which every page's sidebar
        // shows). The killed run before this one left a staging folder; this run clears it.
        try course.edit()
        let pages = try await stopped(["weave"], in: course, at: "page")
        try await killTree(pages)
        #expect(!FileManager.default.fileExists(atPath: staging.path), "the earlier killed run's staging folder was not cleared")
        let pageStaging = try #require(try course.stagingFolders().first, "the killed weave left no staging folder")
        let written = try FolderTree(pageStaging).paths.filter { $0.hasSuffix(".html") }
        #expect(!written.isEmpty, "no page was written before the kill")
        #expect(written.count < course.site.paths.filter { $0.hasSuffix(".html") }.count, "every page was written before the kill")
        try course.expectWhole("during page writing")

        // During the check: `derive build`, killed with the compiler it started.
        try course.edit()
        let build = try await stopped(["build", "--verbose"], in: course, at: "check")
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
