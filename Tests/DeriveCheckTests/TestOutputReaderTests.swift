import DeriveCheck
import DeriveCore
import Testing

@Suite("Reading swift test's output back into the notes")
struct TestOutputReaderTests {
    private let reader = TestOutputReader(notePaths: ["Notes/01-a.md", "Notes/97-probe.md"])

    /// Lines as swiftc and Swift Testing printed them for a probe note in this repository.
    private let output = """
        [26/31] Compiling Notes 97-probe.swift
        Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'
         6 | #sourceLocation(file: "Notes/97-probe.md", line: 4)
        Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'
        ◇ Test probeT() started.
        ✘ Test probeT() recorded an issue at 97-probe.md:9:5: Expectation failed: (probeV() → 1) == 2
        ✘ Test probeT() failed after 0.001 seconds with 1 issue.
        /work/main/Sources/Other.swift:3:1: error: not a note
        """

    @Test func compilerErrorsKeepTheNotePathAndAppearOnce() {
        let diagnostics = reader.diagnostics(in: output).filter { $0.id == "check.compiler" }
        #expect(diagnostics.map(\.description) == [
            "Notes/97-probe.md:5:21: error: cannot convert value of type 'String' to specified type 'Int'",
        ])
    }

    @Test func testIssuesAreMappedFromTheFileNameToTheNotePath() {
        let diagnostics = reader.diagnostics(in: output).filter { $0.id == "check.test-failed" }
        #expect(diagnostics.map(\.description) == [
            "Notes/97-probe.md:9:5: error: probeT() failed: Expectation failed: (probeV() → 1) == 2",
        ])
    }

    @Test func linesAboutOtherFilesAreNotNoteDiagnostics() {
        #expect(reader.diagnostics(in: output).allSatisfy { $0.location.file.hasSuffix(".md") })
        #expect(reader.diagnostics(in: "✘ Test t() recorded an issue at Other.swift:3:1: failed").isEmpty)
        #expect(reader.diagnostics(in: "✘ Test t() recorded an issue at 02-unknown.md:3:1: failed").isEmpty)
    }
}
