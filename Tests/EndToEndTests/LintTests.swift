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
        for note in notes where note != "A/10-Same-Name.md" {  // the first of the two same names is fine
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
        let stages = run.stdout.split(separator: "\n").map { String($0.prefix(9)).trimmingCharacters(in: .whitespaces) }
        #expect(stages == ["load", "parse", "resolve", "tangle", "2 notes c"], "\(run.stdout)")
        let quiet = try await DeriveRun.run(["lint", "--notes", "Notes", "--quiet"], in: Fixture.folder("clean"))
        #expect(quiet.status == 0 && quiet.stdout == "" && quiet.stderr == "")
    }

    @Test("--diagnostics json writes one object a line, with the id and the stage")
    func jsonDiagnostics() async throws {
        let run = try await DeriveRun.run(["lint", "--notes", "Notes", "--diagnostics", "json", "-q"], in: Fixture.folder("lint"))
        #expect(run.status == 1)
        struct Record: Decodable, Equatable { var id, stage, severity, message, file: String; var line, column: Int }
        let records = try run.stderr.split(separator: "\n").map { try JSONDecoder().decode(Record.self, from: Data($0.utf8)) }
        #expect(records.count == 10)
        #expect(records.first == Record(
            id: "chunk.undefined", stage: "resolve", severity: "error",
            message: "'<<missing-chunk>>' refers to a chunk that no swift block of this note defines (write '#missing-chunk' in a block's info string)",
            file: "Notes/01-undefined-chunk.md", line: 5, column: 5))
        #expect(Set(records.map(\.stage)) == ["parse", "resolve", "tangle"])
    }

    @Test("--warnings-as-errors turns a warning into a failing exit status")
    func warningsAsErrors() async throws {
        let folder = try TemporaryFolder()
        try folder.write("# Unused\n\n```swift #lonely\nlet a = 1\n```\n", to: "Notes/01-unused.md")
        let plain = try await DeriveRun.run(["lint", "-q"], in: folder.url)
        #expect(plain.status == 0)
        #expect(plain.stderr == "Notes/01-unused.md:3:1: warning: chunk 'lonely' is defined but no '<<lonely>>' uses it, so it is not compiled\n")
        let strict = try await DeriveRun.run(["lint", "-q", "--warnings-as-errors"], in: folder.url)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Notes/01-unused.md:3:1: error: chunk 'lonely'"))
    }

    @Test("exit status: 2 for bad usage, 1 for a note's error or a missing folder; no colour off a terminal")
    func exitStatus() async throws {
        let unknown = try await DeriveRun.run(["lint", "--no-such-flag"], in: Fixture.folder("clean"))
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--no-such-flag'"))
        let missing = try await DeriveRun.run(["lint", "--notes", "Nowhere", "-q"], in: Fixture.folder("clean"))
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("Nowhere: error: no folder of notes here"), "\(missing.stderr)")
        #expect(!missing.stderr.contains("\u{1B}["), "colour written to a file")
        let version = try await DeriveRun.run(["--version"], in: Fixture.folder("clean"))
        #expect(version.status == 0 && version.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil)
        let help = try await DeriveRun.run(["help", "build"], in: Fixture.folder("clean"))
        #expect(help.status == 0 && help.stdout.contains("Example:") && help.stdout.contains("derive build --open"))
    }
}
