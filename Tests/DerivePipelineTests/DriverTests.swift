import DeriveCore
import DeriveDriver
import DerivePipeline
import Foundation
import Testing

/// The driver's pipelines run in-process, on copies of fixture courses.
@Suite("The driver: each command's passes over one course")
struct DriverTests {
    /// The repository, from this file's path: `Tests/DerivePipelineTests/DriverTests.swift`.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A temporary course root holding a copy of `Tests/Fixtures/<fixture>/Notes` (or of `folder`).
    private func course(copying folder: URL, yaml: String? = nil) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-driver-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: root.appendingPathComponent("Notes"))
        if let yaml { try Data(yaml.utf8).write(to: root.appendingPathComponent("derive.yml")) }
        return root
    }

    private func fixture(_ name: String) -> URL {
        Self.repository.appendingPathComponent("Tests/Fixtures/\(name)/Notes")
    }

    private func run(_ goal: Driver.Goal, in root: URL) throws -> (Course, [Stage]) {
        var course = Course.open(root: root)
        let stages = StageLog()
        try Driver(derivePackage: Self.repository, siteDirectory: course.siteDirectory)
            .pipeline(for: goal).run(&course) { if case .finished(let stage, _, _) = $0 { stages.append(stage) } }
        return (course, stages.stages)
    }

    @Test func lintRunsTheFrontPassesAndReportsWhatTheGoldenFileSays() throws {
        let root = try course(copying: fixture("lint"))
        defer { try? FileManager.default.removeItem(at: root) }
        let (course, stages) = try run(.lint, in: root)
        #expect(stages == [.load, .parse, .resolve, .tangle])
        let expected = try String(contentsOf: fixture("lint").deletingLastPathComponent().appendingPathComponent("expected.txt"), encoding: .utf8)
        #expect(course.diagnostics.sortedByLocation().map { "\($0)\n" }.joined() == expected)
        #expect(Set(course.diagnostics.map(\.stage)) == [.parse, .resolve, .tangle])
    }

    @Test func weaveWritesTheSiteWithTheTitleFromDeriveYml() throws {
        let root = try course(copying: fixture("clean"), yaml: "title: A course of two notes\ndescription: Two derivations.\n")
        defer { try? FileManager.default.removeItem(at: root) }
        let (course, stages) = try run(.weave, in: root)
        #expect(stages == [.load, .parse, .resolve, .tangle, .weave])
        #expect(!course.diagnostics.containsErrors)
        #expect(course.pages == ["index.html", "01-sigmoid-neuron.html", "02-chain-rule.html", "print.html", "search.html", "404.html"])
        let index = try String(contentsOf: root.appendingPathComponent("Site/index.html"), encoding: .utf8)
        #expect(index.contains("<h1 class=\"title\">A course of two notes</h1>"))
        #expect(index.contains("<meta name=\"description\" content=\"Two derivations.\">"))
    }

    @Test func aNoteWithAnErrorSkipsTheWeaveAndWritesNoSite() throws {
        let root = try course(copying: fixture("clean"))
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("# Broken\n\nBy @eq-nowhere.\n".utf8).write(to: root.appendingPathComponent("Notes/03-broken.md"))
        let (course, stages) = try run(.weave, in: root)
        #expect(stages == [.load, .parse, .resolve, .tangle])
        #expect(course.diagnostics.map(\.description) == [
            "Notes/03-broken.md:3:4: error: '@eq-nowhere' cites a label that no note of the course defines",
        ])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
    }

    /// `Notes/leak.txt -> /etc/passwd` is an error at the link, and nothing of it reaches a site.
    @Test func aLinkOutOfTheCourseIsAnErrorAtItsPathAndNoSiteIsWritten() throws {
        let root = try course(copying: fixture("clean"))
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Notes/leak.txt").path, withDestinationPath: "/etc/passwd")
        let (course, stages) = try run(.weave, in: root)
        #expect(course.diagnostics.map(\.description) == [
            "Notes/leak.txt: error: a symbolic link to '/etc/passwd', outside the course: not followed (Derive reads nothing from outside the course)",
        ])
        #expect(course.diagnostics.map(\.stage) == [.load])
        #expect(!course.assets.contains { $0.relativePath == "leak.txt" })
        #expect(stages.last != .weave)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Site").path))
    }

    /// `derive build` compiles exactly the course's notes and their tests: the check package has
    /// two targets, and its build folder holds no module of Derive's own test suite.
    @Test(.timeLimit(.minutes(10)))
    func checkCompilesOnlyTheNotesAndReadsTheirResults() throws {
        let root = try course(copying: Self.repository.appendingPathComponent("Notes"))
        defer { try? FileManager.default.removeItem(at: root) }
        let (course, stages) = try run(.check, in: root)
        #expect(stages.last == .check)
        #expect(!course.diagnostics.containsErrors, "\(course.diagnostics)")
        let reports = try #require(course.reports)
        #expect(reports.derivations.count >= course.notes.count)
        #expect(reports.derivations.allSatisfy { $0.passed })

        let manifest = try String(contentsOf: Self.repository.appendingPathComponent("Package.swift"), encoding: .utf8)
        let ownTests = manifest.matches(of: /\.testTarget\(name: "(\w+)"/).map { String($0.output.1) }
        #expect(ownTests.contains("DeriveMarkdownTests") && ownTests.contains("NotesTests"))
        let build = root.appendingPathComponent(".build/derive/check/.build")
        let built = try FileManager.default.subpathsOfDirectory(atPath: build.path)
        let modules = Set(built.compactMap { path -> String? in
            let name = (path as NSString).lastPathComponent
            return name.hasSuffix(".swiftmodule") ? String(name.dropLast(".swiftmodule".count)) : nil
        })
        #expect(modules.contains("Notes") && modules.contains("NotesTests") && modules.contains("DeriveRuntime"))
        #expect(modules.isDisjoint(with: ownTests.filter { $0 != "NotesTests" }), "built: \(modules.sorted())")
        #expect(!modules.contains("DeriveWeave") && !modules.contains("SwiftSyntax"))
    }

    /// Each mistake a note's code makes in a call to the runtime fails the test that made it, at
    /// the note's line, and every other test still runs (no test process dies).
    @Test(.timeLimit(.minutes(10)))
    func aMistakeInANotesCodeFailsItsTestAtTheNotesLine() throws {
        let root = try course(copying: fixture("mistakes"))
        defer { try? FileManager.default.removeItem(at: root) }
        let (course, stages) = try run(.check, in: root)
        try #require(stages.last == .check, "\(course.diagnostics)")
        let failures = course.diagnostics.filter { $0.id == .testFailed }.map(\.description)
        let note = "Notes/01-mistakes.md"
        #expect(failures.contains("\(note):21:15: error: productOfMismatchedShapes() failed: matrix product needs the left's columns to equal the right's rows, got 2x3 * 2x1"))
        #expect(failures.contains("\(note):27:11: error: sumOfMismatchedShapes() failed: + needs equal shapes, or a K×1 column or 1×K row vector beside a matrix it fits, got [2, 3] + [3, 2]"))
        #expect(failures.contains("\(note):32:11: error: hadamardOfMismatchedShapes() failed: ⊙ needs equal shapes, got [2, 3] ⊙ [2, 2]"))
        #expect(failures.contains("\(note):37:18: error: indexOutOfRange() failed: index (2, 0) is outside shape [2, 3]"))
        #expect(failures.contains("\(note):43:9: error: lossOverAnEmptyBatch() failed: a loss needs at least one example, got a batch of shape [1, 0] with none"))
        #expect(failures.contains("\(note):48:20: error: derivationCheckAtANaN() failed: Line: the loss at the check's point is nan; a derivation check needs a finite loss"))
        #expect(!failures.contains { $0.contains("aCorrectCheckStillRuns") }, "\(failures)")
        #expect(!course.diagnostics.contains { $0.id == .checkFailed }, "\(course.diagnostics)")
        let reports = try #require(course.reports)
        #expect(reports.derivations.contains { $0.line == 54 && $0.passed })
    }

    /// `derive exercise`: one compile grades every exercise; an untouched stub fails at its
    /// test's line with a note at the stub, the solutions pass, the course's other tests do not run.
    @Test(.timeLimit(.minutes(10)))
    func gradingExercisesFailsUntouchedStubsAtTheirLinesAndPassesSolutions() throws {
        let root = try course(copying: fixture("exercises"))
        defer { try? FileManager.default.removeItem(at: root) }
        let note = "Notes/01-tanh.md"
        func grade(_ names: Set<String>?, stubs: Bool) throws -> Course {
            var course = Course.open(root: root)
            try Driver(derivePackage: Self.repository, siteDirectory: course.siteDirectory)
                .pipeline(gradingExercises: names, stubs: stubs).run(&course)
            return course
        }

        let stubs = try grade(nil, stubs: true)
        let grades = try #require(stubs.exerciseGrades)
        #expect(grades.map(\.exercise.name) == ["tanh-delta", "square"])
        #expect(grades.map(\.solved) == [false, false])
        #expect(grades.map(\.codeLocation.description) == ["\(note):16:1", "\(note):39:1"])
        let failures = stubs.diagnostics.sortedByLocation().filter { $0.id == .testFailed }
        #expect(failures.map(\.location.description) == ["\(note):32:5", "\(note):50:5"], "\(stubs.diagnostics)")
        #expect(failures.last?.message == "squarePrimeAtThree() failed: Expectation failed: (squarePrime(3) → 0.0) == (6 → 6.0)")
        let notes = stubs.diagnostics.filter { $0.id == .exerciseNotSolved }
        #expect(notes.map(\.severity) == [.note, .note])
        #expect(notes.map(\.description) == [
            "\(note):16:1: note: exercise 'tanh-delta' is not solved yet (its tests failed at line 32): your code is at \(note):16",
            "\(note):39:1: note: exercise 'square' is not solved yet (its tests failed at line 50): your code is at \(note):39",
        ])
        // The note's own test, which no exercise owns, did not run.
        #expect(!stubs.diagnostics.contains { $0.message.contains("tanhDeltaPushesTowardsTheTarget") })

        let solutions = try grade(nil, stubs: false)
        #expect(solutions.exerciseGrades?.map(\.solved) == [true, true], "\(solutions.diagnostics)")
        #expect(solutions.exerciseGrades?.map(\.codeLocation.line) == [22, 45])
        #expect(!solutions.diagnostics.containsErrors)

        // One exercise by name: the other keeps its solution and is not graded.
        let one = try grade(["square"], stubs: true)
        #expect(one.exerciseGrades?.map(\.exercise.name) == ["square"])
        #expect(one.diagnostics.filter { $0.id == .testFailed }.map(\.location.line) == [50])

        #expect(throws: PipelineError.self) { try grade(["nope"], stubs: true) }
    }
}

/// The stages a pipeline finished, collected from its observer.
private final class StageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Stage] = []
    var stages: [Stage] { lock.withLock { list } }
    func append(_ stage: Stage) { lock.withLock { list.append(stage) } }
}

/// Executed examples, end to end: a note's `example` block runs in the check pass, what it shows
/// is woven after it, kept in the cache for `derive weave`, and a failing one is an error at its line.
@Suite("The driver: executed examples")
struct ExampleDriverTests {
    @Test(.timeLimit(.minutes(10)))
    func anExampleRunsInTheCheckAndItsOutputIsWovenAndCachedAndAFailureIsAtItsLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("derive-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: DriverTests.repository.appendingPathComponent("Tests/Fixtures/examples/Notes"), to: root.appendingPathComponent("Notes"))
        let cache = root.appendingPathComponent(".build/derive/cache")
        func run(_ goal: Driver.Goal) throws -> Course {
            var course = Course.open(root: root)
            try Driver(derivePackage: DriverTests.repository, siteDirectory: course.siteDirectory, cacheDirectory: cache)
                .pipeline(for: goal).run(&course) { _ in }
            return course
        }
        let page = root.appendingPathComponent("Site/01-worked.html")

        let built = try run(.build)
        #expect(!built.diagnostics.containsErrors, "\(built.diagnostics)")
        let output = try #require(built.reports?.output(note: "Notes/01-worked.md", line: 15))
        #expect(output.items.count == 4)
        #expect(output.items.first == .math(
            #"W = \begin{bmatrix} 1 & -2 \\ 0.5 & 3 \end{bmatrix},\qquad x = \begin{bmatrix} 2 \\ 1 \end{bmatrix},\qquad z = \begin{bmatrix} 0 \\ 4 \end{bmatrix}"#))
        #expect(output.items[1] == .math(#"t \approx 0.3333"#))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<p class=\"output-text\">Two units &lt;b&gt;and&lt;/b&gt; a &amp; b.</p>"))
        #expect(html.contains("<figure class=\"figure drawn\" id=\"fig-worked-network\">"))
        #expect(html.contains(">W[1]: 2×2</text>") && html.contains(">z &lt;script&gt;</text>"))
        #expect(html.contains(">Figure 1</a> has the sizes"))
        #expect(!html.contains("z <script>"))

        // derive weave, nothing changed: the same page, from the cache, without running anything.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Site"))
        let woven = try run(.weave)
        #expect(woven.reports?.outputs == built.reports?.outputs)
        #expect(try String(contentsOf: page, encoding: .utf8) == html)

        // A failing example: an error at its line, and no site.
        let note = root.appendingPathComponent("Notes/01-worked.md")
        let text = try String(contentsOf: note, encoding: .utf8)
        try Data((text + "\n```swift example\nlet z = Worked.forward(Matrix([[1]]), Matrix([[2]]))\n#expect(z[0, 0] == 3)\n```\n").utf8)
            .write(to: note)
        let failed = try run(.check)
        let failures = failed.diagnostics.filter { $0.id == .testFailed }
        #expect(failures.map(\.location.line) == [28], "\(failed.diagnostics)")
        #expect(failures.first?.location.file == "Notes/01-worked.md")
    }
}
