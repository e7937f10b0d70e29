import DeriveCore
import Foundation
import Testing

@Suite("Diagnostics: ids, order, text")
struct DiagnosticTests {
    @Test func everyIdIsListedOnceAndNamedSubjectDotProblem() {
        let names = Diagnostic.ID.all.map(\.name)
        #expect(Set(names).count == names.count)
        for name in names {
            #expect(name.wholeMatch(of: /[a-z]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*/) != nil, "\(name)")
        }
        #expect(Diagnostic.ID.all.map(\.stage) == Diagnostic.ID.all.map(\.stage).sorted(), "listed in stage order")
    }

    @Test func idsEncodeAsTheirNameAndDecodeBack() throws {
        let diagnostic = Diagnostic(.error, .chunkCycle, "a cycle", at: NoteLocation(file: "Notes/a.md", line: 3, column: 2))
        let json = try JSONEncoder().encode(diagnostic)
        #expect(String(decoding: json, as: UTF8.self).contains(#""id":"chunk.cycle""#))
        let decoded = try JSONDecoder().decode(Diagnostic.self, from: json)
        #expect(decoded == diagnostic)
        #expect(decoded.stage == .resolve)
        let unknown = Data(#"{"id":"no.such","severity":"error","message":"m","location":{"file":"f","line":1,"column":1}}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Diagnostic.self, from: unknown) }
    }

    @Test func aWholeFileLocationPrintsWithoutLineAndColumn() {
        #expect(Diagnostic(.error, .notesMissing, "no folder", at: .whole("Notes")).description == "Notes: error: no folder")
        #expect(NoteLocation(file: "Notes/a.md", line: 4, column: 7).description == "Notes/a.md:4:7")
    }

    @Test func severitiesAndStagesAreOrdered() {
        #expect(Diagnostic.Severity.note < .warning && Diagnostic.Severity.warning < .error)
        #expect(Stage.allCases.sorted() == [.config, .load, .parse, .resolve, .tangle, .check, .weave])
    }
}

@Suite("The diagnostics reference lists every id")
struct DiagnosticsReferenceTests {
    @Test func documentationDiagnosticsMdHasARowPerIdWithItsStage() throws {
        let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Documentation/Diagnostics.md")
        let text = try String(contentsOf: reference, encoding: .utf8)
        for id in Diagnostic.ID.all {
            #expect(text.contains("| `\(id.name)` | \(id.stage) |"), "Documentation/Diagnostics.md has no row for \(id.name)")
        }
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count == Diagnostic.ID.all.count, "a row for an id that does not exist")
    }
}
