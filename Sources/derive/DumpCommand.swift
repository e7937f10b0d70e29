import ArgumentParser
import DeriveMarkdown
import Foundation

/// `derive dump`: the parsed form of a note, as JSON.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump", abstract: "Print the parsed form of a note as JSON (what the later stages see).")

    @Argument(help: "The note to dump.")
    var note: String

    func run() throws {
        let parsed = NoteParser().parse(contentsOf: URL(fileURLWithPath: note), path: note)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let note = parsed.note {
            print(String(decoding: try encoder.encode(note), as: UTF8.self))
        }
        try DiagnosticPrinter.report(parsed.diagnostics)
    }
}
