import Foundation
import Testing

/// `derive lint` over a folder of broken notes, each broken in one way, and over a clean folder.
@Suite("derive lint")
struct LintTests {
    @Test("every bad note is reported at its line, and the status is non-zero")
    func reportsEveryBadNote() async throws {
        let fixture = Fixture.folder("lint")
        let run = try await DeriveRun.run(["lint", "--notes", "Notes"], in: fixture)
        #expect(run.status != 0)
        try GoldenFile.check(run.stderr, against: fixture.appendingPathComponent("expected.txt"))

        let notes = FileManager.default.enumerator(atPath: fixture.appendingPathComponent("Notes").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
        #expect(notes.count == 11)
        for note in notes where note != "a/10-same-name.md" {  // the first of the two same names is fine
            #expect(run.stderr.contains("Notes/\(note):"), "no diagnostic for Notes/\(note)")
        }
        for line in run.stderr.split(separator: "\n") {
            #expect(line.wholeMatch(of: /Notes\/[^:]+\.md:\d+:\d+: (error|warning): .+/) != nil, "not a diagnostic: \(line)")
        }
    }

    @Test("a clean folder of notes exits 0 and prints no diagnostic")
    func cleanFolder() async throws {
        let run = try await DeriveRun.run(["lint", "--notes", "Notes"], in: Fixture.folder("clean"))
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout == "2 notes checked\n")
    }
}
