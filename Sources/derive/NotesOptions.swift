import ArgumentParser
import DeriveCore
import DeriveMarkdown
import DeriveTangle
import Foundation

/// The `--notes DIR` option every subcommand shares, and loading the notes it names.
struct NotesOptions: ParsableArguments {
    @Option(name: .long, help: "The folder of notes (Markdown files, read recursively).")
    var notes: String = "Notes"

    /// The folder, named in diagnostics as the user wrote it.
    var directory: NoteDirectory {
        NoteDirectory(url: URL(fileURLWithPath: notes), displayPath: notes)
    }

    /// The folder's notes, tangled, with every diagnostic found without compiling: the parser's,
    /// the tangler's, and a warning for each note that derives gradients but declares no check.
    /// Notes that cannot be read at all are left out, with their errors.
    func loadAndLint() throws -> (notes: [Note], tangled: [TangledNote], diagnostics: [Diagnostic]) {
        let (notes, parseDiagnostics) = try load()
        let tangled = Tangler().tangle(notes)
        let checks = notes.flatMap(DerivationCheckLint.diagnostics(for:))
        return (notes, tangled.tangled, parseDiagnostics + tangled.diagnostics + checks)
    }

    private func load() throws -> (notes: [Note], diagnostics: [Diagnostic]) {
        let directory = directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("no folder of notes at '\(notes)'")
        }
        let parsed = try directory.notes().map { NoteParser().parse(contentsOf: $0.url, path: directory.displayPath(of: $0)) }
        return (parsed.compactMap(\.note), parsed.flatMap(\.diagnostics))
    }
}
