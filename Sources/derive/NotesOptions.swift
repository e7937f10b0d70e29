import ArgumentParser
import DeriveCore
import DeriveMarkdown
import Foundation

/// The `--notes DIR` option every subcommand shares, and loading the notes it names.
struct NotesOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of notes (Markdown files, read recursively).")
    var notes: String = "Notes"

    /// The folder, named in diagnostics as the user wrote it.
    var directory: NoteDirectory {
        NoteDirectory(url: URL(fileURLWithPath: notes), displayPath: notes)
    }

    /// Parses every note of the folder; notes that cannot be read at all are left out, with their errors.
    func load() throws -> (notes: [Note], diagnostics: [Diagnostic]) {
        let directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no folder of notes at '\(notes)'")
        }
        let parsed = try directory.notes().map { NoteParser().parse(contentsOf: $0.url, path: directory.displayPath(of: $0)) }
        return (parsed.compactMap(\.note), parsed.flatMap(\.diagnostics))
    }
}
